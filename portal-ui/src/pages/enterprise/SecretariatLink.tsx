import { Link } from 'react-router';
import { useSession } from '../../session/session';

/**
 * For a secretariat of the cluster who opened an enterprise's page (an e-mail or notification links here): the way to
 * the same thing in the secretariat's pages, where it is acted upon.
 */
export function SecretariatLink({ clusterId, to, children }: { clusterId?: string; to: string; children: string }) {
  const session = useSession();
  if (!clusterId || !session.isSecretariatOf(clusterId)) return null;
  return <p className="alert alert-info"><Link to={`/secretariat/${clusterId}/${to}`}>{children}</Link></p>;
}
