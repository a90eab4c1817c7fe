/** The API process alone (production: scale it out separately from the workers). */
import { runProcess } from '../platform/processEntry';

runProcess('api');
