import type { Session } from './session/session';

/** One entry of the main navigation; `label` is a text key; shown only to whom `show` admits. */
export interface NavItem {
  to: string;
  label: string;
  show(session: Session): boolean;
}

export const anyone = () => true;
export const signedIn = (s: Session) => s.status === 'authenticated';
export const secretariat = (s: Session) => s.hasRole('secretariat') || s.hasRole('alliance-admin');
export const enterprise = (s: Session) => s.hasRole('enterprise');
export const expert = (s: Session) => s.hasRole('expert');
