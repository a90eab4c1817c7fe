export { default } from '../integration/globalTeardown';
