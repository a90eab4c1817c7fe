/** The API process alone (production: scale it out separately from the workers). */
import { runProcess } from './processEntry';

runProcess('api');
