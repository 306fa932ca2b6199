import type { RequestFaultInput } from "../faults/request-fault.js";
import type { Sandbox } from "../sandbox.js";

/**
 * `/_sandbox/faults`: `POST` adds request faults (one fault, or `{ faults: [...] }`), `GET` lists
 * them with how often each fired, `DELETE` clears them and lets hung requests go.
 */
export function answerFaultControl(method: string, sandbox: Sandbox, body: Record<string, unknown>): Response | undefined {
  switch (method) {
    case "GET":
      return Response.json(sandbox.faults.list());
    case "DELETE":
      sandbox.faults.clear();
      return Response.json([]);
    case "POST": {
      const faults = "kind" in body ? [body] : body["faults"];
      if (!Array.isArray(faults)) return Response.json({ message: 'the body is one fault ({ "kind": ..., "route": ... }) or { "faults": [...] }' }, { status: 400 });
      try {
        return Response.json(sandbox.faults.add(faults as RequestFaultInput[]), { status: 201 });
      } catch (error) {
        return Response.json({ message: (error as Error).message }, { status: 400 });
      }
    }
    default:
      return undefined;
  }
}
