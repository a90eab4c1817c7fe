import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/** gRPC status codes that mean "Temporal is away or overloaded", not "your request is wrong". */
const TRANSIENT_GRPC = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

/** Whether a Temporal client error means the server could not be reached in time (retrying later may work). */
export function temporalUnavailable(err: unknown): boolean {
  const grpc = err instanceof ServiceError ? err.cause : err;
  return isGrpcServiceError(grpc) && TRANSIENT_GRPC.has(grpc.code);
}

/** Seconds a client should wait before retrying when Temporal or the matter's worker did not answer. */
export const TEMPORAL_RETRY_AFTER_SECONDS = 10;
