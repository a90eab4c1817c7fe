/** The worker process alone (production: scale it out separately from the API). */
import { runProcess } from './processEntry';

runProcess('worker');
