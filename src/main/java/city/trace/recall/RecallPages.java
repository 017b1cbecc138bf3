package city.trace.recall;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import city.trace.verify.PageCache;

/**
 * Public pages kept in this instance's cache forget the recall's lots at once: the next visitor of any of them
 * sees the warning (other instances' kept pages expire within the cache's time to live).
 */
@ApplicationScoped
public class RecallPages {

    @Inject
    PageCache pages;

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecallRecorded recorded) {
        pages.clear();
    }
}
