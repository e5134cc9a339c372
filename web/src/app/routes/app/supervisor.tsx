import { FloorBoardPage } from '@/features/floor-board/components/floor-board-page';

/** `/supervisor`: the live floor board. */
export function SupervisorRoute() {
  return <FloorBoardPage />;
}
