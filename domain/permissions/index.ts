export { authorize, canRead, contractActive, type Authorization, type MatterAccess } from './authorize';
export { PERMISSIONS, isAction, type Action, type AdminAction, type PermissionRule, type ReadAction } from './table';
export { readScope, inReadScope, type ReadScope, type ReadCondition } from './readScope';
export { seesRegisterDocument } from './registerScope';
