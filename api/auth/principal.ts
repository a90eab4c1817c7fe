import type { Actor, Role } from '../../domain/procedure';

/** The authenticated person behind a request, as the domain rules see them. */
export interface Principal extends Actor {
  displayName: string;
  organisationId: string;
  tokenId: string;
  demo: boolean;
}

export type { Role };
