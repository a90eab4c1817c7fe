import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { activityDuration, activityFailures } from '../platform/metrics';

/** Times every activity execution on this worker (lr_activity_duration_seconds) and counts failed attempts. */
export const activityMetrics: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    async execute(input, next) {
      const activity = ctx.info.activityType;
      const end = activityDuration.startTimer({ activity });
      try {
        const result = await next(input);
        end({ outcome: 'completed' });
        return result;
      } catch (err) {
        end({ outcome: 'failed' });
        activityFailures.inc({ activity });
        throw err;
      }
    },
  },
});
