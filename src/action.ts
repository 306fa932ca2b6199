import { runAction } from "./action/run-action.js";
import { stdoutWorkflowOutput } from "./action/workflow-output.js";

// The GitHub Action's entry (action.yml's `runs.main`, bundled into action/index.js).
process.exitCode = await runAction(process.env, stdoutWorkflowOutput);
