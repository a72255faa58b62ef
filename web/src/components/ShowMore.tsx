// The one "Show more" of every paged list: how many of how many are shown (a live status), and a real
// button that loads the next page. Focus stays on the button while pages remain; once the last page is
// in, the button goes and focus moves to the count, which then says that everything is shown.
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';
import type { Pages } from './usePages';

export function ShowMore({ pages, label }: { pages: Pages<unknown>; label?: string }) {
  const { t } = useT();
  const id = useId();
  const status = useRef<HTMLParagraphElement>(null);
  const clicked = useRef(false);
  const { nodes, total, hasMore, loadingMore, moreError, extraPages } = pages;
  useEffect(() => {
    if (clicked.current && !hasMore && !loadingMore) {
      clicked.current = false;
      status.current?.focus();
    }
  }, [hasMore, loadingMore]);
  // A list that fits in one page needs neither the count nor the button.
  if (!hasMore && extraPages === 0) return null;
  const shown = nodes.length;
  return (
    <div className="show-more">
      <p className="count" role="status" id={id} ref={status} tabIndex={-1}>
        {total !== null ? t('more.count', { shown, total }) : t('more.shown', { shown })}
      </p>
      {hasMore && (
        <button
          type="button"
          aria-describedby={id}
          aria-disabled={loadingMore || undefined}
          onClick={() => {
            if (loadingMore) return;
            clicked.current = true;
            void pages.loadMore();
          }}
        >
          {loadingMore ? t('more.loading') : (label ?? t('more.button'))}
        </button>
      )}
      {moreError && <p role="alert">{t('common.error', { message: moreError })}</p>}
    </div>
  );
}
