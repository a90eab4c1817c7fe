import type { Actor, Role } from '../../domain/procedure';

/** The authenticated person behind a request, as the domain rules see them. */
export interface Principal extends Actor {
  displayName: string;
  organisationId: string;
  tokenId: string;
  demo: boolean;
  /** The password was set by someone else and not yet replaced by its holder: only the change, logout and who-am-I answer. */
  passwordChangeRequired: boolean;
}

export type { Role };
