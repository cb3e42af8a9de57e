/**
 * Routes of the contracts section: `#/contracts[/list/<tab>]` the inbox, `#/contracts/view/<id>` one contract,
 * `#/contracts/offer/<directionId>` the offer dialog over the directions tab.
 */
import { inboxTabs, type InboxTab } from '../../../../domain/api/contracts';
import { ContractScreen } from './ContractScreen';
import { InboxPage } from './InboxPage';
import { OfferModal } from './OfferModal';

const isTab = (v: string | undefined): v is InboxTab => (inboxTabs as readonly string[]).includes(v ?? '');

export function ContractsPage({ route, navigate }: { route: string[]; navigate: (path: string) => void }) {
  const [mode, param] = route;
  if (mode === 'view' && param) return <ContractScreen id={param} onBack={() => window.history.back()} />;
  const tab: InboxTab = mode === 'offer' ? 'directions' : mode === 'list' && isTab(param) ? param : 'review';
  return (
    <>
      <InboxPage
        tab={tab}
        onTab={(next) => navigate(`contracts/list/${next}`)}
        onOpen={(id) => navigate(`contracts/view/${encodeURIComponent(id)}`)}
        onOpenDirection={(id) => navigate(`contracts/offer/${encodeURIComponent(id)}`)}
      />
      {mode === 'offer' && param && <OfferModal directionId={param} onClose={() => navigate('contracts/list/directions')} />}
    </>
  );
}
