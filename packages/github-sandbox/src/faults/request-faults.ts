import { formatKeyPath } from "../snapshot.js";
import { requestFaultSchema, type RequestFault, type RequestFaultInput } from "./request-fault.js";

/** A fault as the sandbox keeps it: an id, and how many matching requests it saw and failed. */
export type RequestFaultRecord = RequestFault & { id: number; seen: number; fired: number };

/** The request faults in force; each counts the matching requests it sees and fails some of them. */
export class RequestFaults {
  readonly #faults: RequestFaultRecord[] = [];
  #nextId = 1;
  #release = new AbortController();

  constructor(faults: readonly RequestFault[] = []) {
    for (const fault of faults) this.#keep(fault);
  }

  /** Checks and adds faults; throws naming the key path of the first problem (`[0].route: ...`). */
  add(faults: readonly RequestFaultInput[]): RequestFaultRecord[] {
    const parsed = faults.map((fault, index) => {
      const result = requestFaultSchema.safeParse(fault);
      if (result.success) return result.data;
      const problems = result.error.issues.map((problem) => `${formatKeyPath([index, ...problem.path])}: ${problem.message}`);
      throw new Error(`request faults: ${problems.join("; ")}`);
    });
    return parsed.map((fault) => this.#keep(fault));
  }

  list(): RequestFaultRecord[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Removes every fault and lets hung requests go (their connections drop). The server does this when it closes. */
  clear(): void {
    this.#faults.length = 0;
    this.#release.abort();
    this.#release = new AbortController();
  }

  /** Aborted when hung requests should let go. */
  get release(): AbortSignal {
    return this.#release.signal;
  }

  /** The fault a request to `route` by an app (`installation`) or a person (`user`) meets, if any; counts it. */
  take(route: string, actor: "installation" | "user"): RequestFault | undefined {
    let chosen: RequestFaultRecord | undefined;
    for (const fault of this.#faults) {
      if (fault.route !== route || (fault.actors === "app" && actor !== "installation")) continue;
      fault.seen += 1;
      const due = fault.seen >= fault.nth && (fault.times === "always" || fault.fired < fault.times);
      if (due && !chosen) {
        fault.fired += 1;
        chosen = fault;
      }
    }
    return chosen;
  }

  #keep(fault: RequestFault): RequestFaultRecord {
    const record = { ...fault, id: this.#nextId++, seen: 0, fired: 0 };
    this.#faults.push(record);
    return { ...record };
  }
}
