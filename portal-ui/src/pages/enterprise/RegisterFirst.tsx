import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Empty, Page } from '../../ui/components';

/** For an enterprise user whose enterprise is not registered yet: what to do first. */
export function RegisterFirst({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <Page title={title}>
      <Empty action={<Link className="button primary" to="/enterprise">{t('enterprise.registerFirst.link')}</Link>}>
        {t('enterprise.registerFirst.text')}
      </Empty>
    </Page>
  );
}
