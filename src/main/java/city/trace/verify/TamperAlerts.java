package city.trace.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

/** Raising and acknowledging the consortium admin's alerts about tampered events. */
@ApplicationScoped
public class TamperAlerts {

    private static final Logger LOG = Logger.getLogger(TamperAlerts.class);

    /**
     * Records that an event was found tampered, in its own transaction (the page that found it only reads).
     * Found again, an event keeps its first alert.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void raise(long eventId, String reason) {
        int raised = TamperAlert.getEntityManager()
                .createNativeQuery("insert into tamper_alert (event_id, reason) values (?1, ?2) on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, reason).executeUpdate();
        if (raised > 0) {
            LOG.warnf("TAMPERED: stored event %d: %s", eventId, reason);
        }
    }

    @Transactional
    public void acknowledge(long alertId) {
        TamperAlert alert = TamperAlert.<TamperAlert>findByIdOptional(alertId)
                .orElseThrow(() -> new NotFoundException("No alert " + alertId));
        alert.acknowledged = true;
    }
}
