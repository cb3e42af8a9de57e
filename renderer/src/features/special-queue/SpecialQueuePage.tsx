/** The «Спецочередь» section: the list, or one application when the route names it (`#/special-queue/<id>`). */
import { useCallback, useState } from 'react';
import { ApplicationScreen } from './ApplicationScreen';
import { SpecialQueueList, type ListState } from './SpecialQueueList';

export function SpecialQueuePage({ applicationId, navigate }: { applicationId: string | undefined; navigate: (path: string) => void }) {
  // Tab, search and selection live here so they survive opening an application and coming back.
  const [list, setList] = useState<ListState>({ tab: 'awaiting', search: '', selected: 0 });
  const open = useCallback((id: string) => navigate(`special-queue/${encodeURIComponent(id)}`), [navigate]);
  if (applicationId) {
    return <ApplicationScreen id={applicationId} tab={list.tab} search={list.search} onBack={() => navigate('special-queue')} onOpen={open} />;
  }
  return <SpecialQueueList state={list} onChange={setList} onOpen={open} />;
}
