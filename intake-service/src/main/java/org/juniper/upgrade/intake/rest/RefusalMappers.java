package org.juniper.upgrade.intake.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;
import org.juniper.upgrade.intake.service.Failure;
import org.juniper.upgrade.intake.service.RequestRefusedException;

class RefusalMappers {
    private static final Logger LOG = Logger.getLogger(RefusalMappers.class);

    @ServerExceptionMapper
    Response refused(RequestRefusedException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(new RefusalView(e.failures()))
                .build();
    }

    @ServerExceptionMapper
    Response objectStoreDown(ObjectStoreException e) {
        LOG.warn("object store failure", e);
        return Response.status(503).type(MediaType.APPLICATION_JSON).entity(new RefusalView(List.of(new Failure(
                "STORAGE:UNAVAILABLE", "the backup store is not reachable right now; nothing was lost",
                "retry in a minute")))).build();
    }
}
