import { generateKeyPairSync } from "node:crypto";

/** A small org as the sandbox tests of the server, webhooks, app auth, GraphQL and web page use it. */
export const SERVER_SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
users:
  mhdawson: { name: Michael Dawson }
  RafaelGSS: { name: Rafael Gonzaga }
orgs:
  nodejs:
    owners: [mhdawson]
    members: [mhdawson, RafaelGSS, UlisesGascon]
    repos:
      security-wg:
        collaborators: { RafaelGSS: maintain, UlisesGascon: triage }
        labels:
          security-wg-agenda: { color: "c2e0c6", description: "Topics for the security WG meeting" }
        files:
          README.md: "# Security WG\\n"
          meetings/2024-03-14.md: |
            # Node.js Security team Meeting 2024-03-14

            <!-- agenda-drafter: minutes of nodejs/security-wg#1230 -->

            ## Agenda

            - [x] Vulnerability Review
            - [ ] OpenSSF Scorecard Monitor Review
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", labels: [security-wg-agenda], author: RafaelGSS, created_at: "2024-01-05T10:00:00Z", updated_at: "2024-03-20T08:00:00Z" }
          - { number: 1236, title: "Proposed approach for build steps in deps", labels: [security-wg-agenda], author: mhdawson, created_at: "2024-02-01T12:00:00Z" }
          - number: 1260
            title: "Node.js Security team Meeting 2024-03-28"
            author: mhdawson
            body: |
              <!-- agenda-drafter: {"meeting":"security-wg","occurrence":"2024-03-28"} -->
              ## Agenda

              - [ ] nodejs/security-wg#1255
              - [x] Vulnerability Review

              <script>alert("not on GitHub")</script>
              <img src="x.png" onerror="alert(1)">
          - { number: 1294, title: "OpenSSF Scorecard Report Updated!", pull_request: true, draft: true, labels: [security-wg-agenda], author: UlisesGascon }
          - { number: 1248, title: "Update the onboarding doc", author: fraxken }
          - { number: 1250, title: "Threat model review", labels: [security-wg-agenda], state: closed, author: mhdawson }
      security-private:
        private: true
        collaborators: { RafaelGSS: write }
        issues:
          - { number: 12, title: "Embargoed: CVE fix", labels: [security-wg-agenda], author: RafaelGSS }
  openjs-foundation:
    members: [mhdawson]
    repos:
      cross-project-council:
        issues:
          - { number: 1234, title: "Another org's item", labels: [security-wg-agenda], author: mhdawson }
installations:
  - { id: 4001, account: nodejs, repositories: all }
  - { id: 4002, account: openjs-foundation, repositories: [cross-project-council] }
`;

/** An app's key pair in the PKCS#8 form GitHub's private key download converts to. */
export function appKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
