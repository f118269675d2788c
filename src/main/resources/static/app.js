// Softphone entry: one local call at a time, playing Twilio's part. Call → POST /local/calls → microphone and
// worklets → Media Streams WebSocket; the gateway's call record (status, transcript, latency) is polled
// alongside. window.softphone exposes the live figures (tests and the console read them).
import { startAudio } from './audio.js';
import { createLocalCall, pollCall } from './call-record.js';
import { MediaStream } from './media-stream.js';
import { SpeakingDetector } from './speaking.js';
import { Ui } from './ui.js';

const softphone = { callId: null, stats: newStats() };
window.softphone = softphone;

let call = null; // { stream, audio } while connected
let record = { replies: [], bargeIns: [] }; // latency figures seen per turn, from the polled record
let stopPolling = () => {};

const ui = new Ui({
  onCall: () => startCall().catch(fail),
  onHangUp: () => endCall('You hung up.'),
  onKey: (digit) => call && call.stream.sendDtmf(digit),
});

function newStats() {
  return { framesSent: 0, framesReceived: 0, playedFrames: 0, marksEchoed: 0, clears: 0, speakingFrames: 0 };
}

async function startCall() {
  stopPolling();
  softphone.stats = newStats();
  record = { replies: [], bargeIns: [] };
  ui.setPhase(false, true);
  ui.setStatus('connecting', 'Creating a local call…');
  ui.setTranscript([]);
  ui.setLatencies([], null, [], null);
  showCounters();

  const created = await createLocalCall(ui.voice());
  softphone.callId = created.call_id;
  const speaking = new SpeakingDetector();
  let stream = null;
  ui.setStatus('connecting', 'Starting the microphone…');
  const audio = await startAudio({
    onFrame: (payload, rms) => {
      const talking = speaking.accept(rms);
      ui.setMicrophone(rms, talking);
      softphone.stats.speakingFrames += talking ? 1 : 0;
      if (stream && stream.isOpen()) {
        stream.sendMedia(payload);
        softphone.stats.framesSent++;
      }
    },
    onMark: (name) => {
      stream.echoMark(name);
      softphone.stats.marksEchoed++;
    },
    onPlayoutStats: (playout) => {
      softphone.stats.playedFrames = playout.playedFrames;
      ui.setPlayout(playout);
      showCounters();
    },
  });
  stream = new MediaStream(streamUrl(created.stream_url), created.token, {
    onMedia: (payload) => {
      softphone.stats.framesReceived += Math.ceil(payload.length / 160); // a message holds one or more 20 ms frames
      audio.play(payload);
    },
    onMark: (name) => audio.mark(name),
    onClear: () => {
      softphone.stats.clears++;
      audio.clear();
    },
    onClose: (reason) => endCall(`The stream closed: ${reason}.`),
  });
  call = { stream, audio };
  await stream.open();
  ui.setPhase(true, false);
  ui.setStatus('connecting', `Call ${created.call_id} · voice ${created.voice_id} · audio at ${audio.sampleRate} Hz`);
  stopPolling = pollCall(created.call_id, created.token, showRecord);
}

/**
 * The WebSocket URL on the page's own origin: stream_url names PUBLIC_HOST (where Twilio reaches the gateway),
 * which need not be reachable from this browser, while the page's host always is.
 */
function streamUrl(publicUrl) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${new URL(publicUrl).pathname}`;
}

async function endCall(reason) {
  if (!call) {
    return;
  }
  const { stream, audio } = call;
  call = null;
  stream.stop(); // the gateway ends the call on `stop`; polling shows it as completed
  await audio.close();
  ui.setPhase(false, false);
  ui.setMicrophone(0, false);
  ui.setPlayout({ playing: false, queuedMs: 0 });
  ui.setStatus(document.getElementById('status').dataset.status, reason);
}

function showRecord(latest) {
  ui.setStatus(latest.status);
  ui.setTranscript(latest.transcript || []);
  // The record keeps count and last value per figure; polling every 500 ms sees each turn's value as it lands.
  collect(record.replies, latest.stats.reply_latency);
  collect(record.bargeIns, latest.stats.barge_in_latency);
  ui.setLatencies(record.replies, latest.stats.reply_latency, record.bargeIns, latest.stats.barge_in_latency);
  if (latest.ended_at && call) {
    endCall(`The call ended (${latest.end_reason}).`);
  }
}

function collect(seen, figure) {
  const last = seen.length ? seen[seen.length - 1].n : 0;
  if (figure && figure.count > last) {
    seen.push({ n: figure.count, ms: figure.last_ms });
  }
}

function showCounters() {
  ui.setCounters(softphone.stats);
}

async function fail(error) {
  console.error('softphone:', error);
  if (call) {
    await endCall('');
  }
  ui.setPhase(false, false);
  ui.setStatus('failed', error.message);
}
