export * from './config';
export * from './lifeTime';
export * from './numbering';
export * from './validity';
export * from './documentLife';
export * from './labels';
