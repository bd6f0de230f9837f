package org.audotics.dsp.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.dsp.internal.audio.AudioUploadException;
import org.audotics.dsp.internal.scan.ScanRefusedException;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Component;

/**
 * How the dsp bundle's refusals reach a client, registered with the {@code /v1} application as
 * {@link RestResource} providers so the resources do not catch them.
 */
final class DspExceptionMappers {

    private DspExceptionMappers() {
    }

    /** An upload the file store refused: 413 too large, 400 empty, 415 not audio (judged by its bytes). */
    @RestResource
    @Component(service = AudioUploadMapper.class)
    @Provider
    public static final class AudioUploadMapper implements ExceptionMapper<AudioUploadException> {
        @Override
        public Response toResponse(AudioUploadException e) {
            return ErrorResponses.of(switch (e.reason()) {
                case TOO_LARGE -> new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, e.getMessage());
                case EMPTY -> ApiException.invalidBody(e.getMessage());
                case NOT_AUDIO -> new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            });
        }
    }

    /** A folder that may not be scanned: 422 {@code folder_not_scannable}, one message whatever the reason. */
    @RestResource
    @Component(service = ScanRefusedMapper.class)
    @Provider
    public static final class ScanRefusedMapper implements ExceptionMapper<ScanRefusedException> {
        @Override
        public Response toResponse(ScanRefusedException e) {
            return ErrorResponses.of(ApiException.unprocessable("folder_not_scannable", e.getMessage()));
        }
    }
}
