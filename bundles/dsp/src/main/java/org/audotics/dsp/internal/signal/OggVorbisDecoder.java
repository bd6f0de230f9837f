package org.audotics.dsp.internal.signal;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;

/**
 * Decodes an Ogg Vorbis stream with JOrbis into float samples, page by page, keeping only the samples
 * of the current packet. JOrbis is driven directly: the javax.sound wrapper around it (vorbisspi) ends
 * its stream early on valid files with long silences (a 20 s click track decoded to 13.2 s).
 * Damaged pages are skipped (Ogg resynchronises on the next page), as players do.
 */
final class OggVorbisDecoder {

    private static final int CHUNK = 8192;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final float[][][] pcm = new float[1][][];
    private final int[] offsets;
    private float[][] pending;
    private int pendingStart;
    private int pendingEnd;
    private boolean endOfStream;

    /** Reads the three Vorbis header packets. */
    OggVorbisDecoder(InputStream in) throws IOException {
        this.in = in;
        sync.init();
        if (!nextPage()) {
            throw new UnsupportedAudioFormatException("not an Ogg stream");
        }
        stream.init(page.serialno());
        info.init();
        comment.init();
        int headers = 0;
        stream.pagein(page);
        while (headers < 3) {
            int result = stream.packetout(packet);
            if (result == 1) {
                if (info.synthesis_headerin(comment, packet) < 0) {
                    throw new UnsupportedAudioFormatException("the Ogg stream does not carry Vorbis audio");
                }
                headers++;
            } else if (result == 0) {
                if (!nextPage()) {
                    throw new UndecodableAudioException("the Vorbis headers are incomplete", null);
                }
                stream.pagein(page);
            } else {
                throw new UndecodableAudioException("the Vorbis headers are damaged", null);
            }
        }
        dsp.synthesis_init(info);
        block.init(dsp);
        offsets = new int[info.channels];
        pending = new float[info.channels][0];
    }

    int channels() {
        return info.channels;
    }

    float sampleRate() {
        return info.rate;
    }

    /** Fills {@code out[channel][frame]}; returns frames written, or -1 at the end. */
    int read(float[][] out) throws IOException {
        int written = 0;
        while (written < out[0].length) {
            if (pendingStart < pendingEnd) {
                int n = Math.min(out[0].length - written, pendingEnd - pendingStart);
                for (int c = 0; c < out.length; c++) {
                    System.arraycopy(pending[c], pendingStart, out[c], written, n);
                }
                pendingStart += n;
                written += n;
            } else if (!decodeMore()) {
                break;
            }
        }
        return written == 0 ? -1 : written;
    }

    /** Decodes packets until samples are pending; false at the end of the stream. */
    private boolean decodeMore() throws IOException {
        while (true) {
            int samples = dsp.synthesis_pcmout(pcm, offsets);
            if (samples > 0) {
                if (pending[0].length < samples) {
                    pending = new float[info.channels][samples];
                }
                for (int c = 0; c < info.channels; c++) {
                    System.arraycopy(pcm[0][c], offsets[c], pending[c], 0, samples);
                }
                dsp.synthesis_read(samples);
                pendingStart = 0;
                pendingEnd = samples;
                return true;
            }
            int result = stream.packetout(packet);
            if (result == 1) {
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                }
            } else if (result == 0) {
                if (endOfStream || !nextPage()) {
                    return false;
                }
                stream.pagein(page);
                endOfStream = page.eos() != 0;
            }
            // result -1: a hole in the data; the next packet resynchronises
        }
    }

    /** The next complete page from the input; false at the end of the input. */
    private boolean nextPage() throws IOException {
        while (true) {
            int result = sync.pageout(page);
            if (result == 1) {
                return true;
            }
            if (result == 0) {
                int index = sync.buffer(CHUNK);
                int read = in.read(sync.data, index, CHUNK);
                if (read <= 0) {
                    return false;
                }
                sync.wrote(read);
            }
            // result -1: skipped damaged bytes before a page; keep looking
        }
    }
}
