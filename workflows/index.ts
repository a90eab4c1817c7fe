// The worker's workflowsPath points here: every workflow the worker hosts is exported from this file.
export { matterWorkflow } from './matterWorkflow';
export { documentWorkflow } from './documentWorkflow';
