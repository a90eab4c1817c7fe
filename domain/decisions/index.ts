/** Major decisions after the decision (713号令第34条至第37条). Pure. */
export * from './schemas';
export * from './state';
export * from './catalogue';
export * from './adjustmentSettled';
