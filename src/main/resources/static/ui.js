// Everything the page shows, and nothing else: each method takes plain values and updates the DOM.
import { toDbfs } from './speaking.js';

const $ = (id) => document.getElementById(id);

export class Ui {
  constructor({ onCall, onHangUp, onKey }) {
    $('call').addEventListener('click', onCall);
    $('hangup').addEventListener('click', onHangUp);
    this.keys().forEach((key) => key.addEventListener('click', () => onKey(key.dataset.digit)));
    this.transcriptShown = '';
  }

  voice() {
    return $('voice').value;
  }

  /** Local phase (idle, connecting, in a call, ended) drives the buttons; `status` is the gateway's word. */
  setPhase(inCall, busy) {
    $('call').disabled = inCall || busy;
    $('hangup').disabled = !inCall;
    $('voice').disabled = inCall || busy;
    this.keys().forEach((key) => { key.disabled = !inCall; });
  }

  keys() {
    return Array.from(document.querySelectorAll('#keypad button'));
  }

  setStatus(status, detail) {
    const element = $('status');
    element.textContent = status;
    element.dataset.status = status;
    element.className = `status ${status}`;
    if (detail !== undefined) {
      $('detail').textContent = detail;
    }
  }

  setMicrophone(rms, speaking) {
    const db = toDbfs(rms);
    // -60..0 dBFS onto the meter: quiet rooms sit near the left, shouting near the right.
    const fill = Math.max(0, Math.min(1, (db + 60) / 60));
    $('level').style.width = `${(fill * 100).toFixed(0)}%`;
    $('level-db').textContent = `${Math.max(db, -99).toFixed(0)} dBFS`;
    $('you-speaking').classList.toggle('on', speaking);
  }

  setPlayout({ playing, queuedMs }) {
    $('assistant-speaking').classList.toggle('on', playing);
    $('playout').textContent = playing ? `speaking · ${queuedMs} ms queued` : 'silent';
  }

  setCounters({ framesSent, framesReceived, playedFrames, clears }) {
    $('frames-sent').textContent = framesSent;
    $('frames-received').textContent = framesReceived;
    $('played-frames').textContent = playedFrames;
    $('played-frames').dataset.playedFrames = playedFrames;
    $('clears').textContent = clears;
  }

  setTranscript(entries) {
    const key = JSON.stringify(entries);
    if (key === this.transcriptShown) {
      return; // unchanged since the last poll: keep the DOM (and any text selection) as it is
    }
    this.transcriptShown = key;
    const list = $('transcript');
    list.replaceChildren(...entries.map(({ role, text, at }) => {
      const item = document.createElement('li');
      item.className = `turn ${role.toLowerCase()}`;
      item.dataset.role = role;
      const who = document.createElement('span');
      who.className = 'role';
      who.textContent = role === 'USER' ? 'You' : role === 'ASSISTANT' ? 'Assistant' : role;
      const when = document.createElement('time');
      when.textContent = at ? new Date(at).toLocaleTimeString() : '';
      const said = document.createElement('p');
      said.textContent = text;
      item.append(who, when, said);
      return item;
    }));
    list.scrollTop = list.scrollHeight;
  }

  setLatencies(replies, replySummary, bargeIns, bargeSummary) {
    fillList($('reply-latencies'), replies, 'Turn');
    fillList($('barge-latencies'), bargeIns, 'Barge-in');
    $('reply-summary').textContent = summary(replySummary, 'no turns yet');
    $('barge-summary').textContent = summary(bargeSummary, 'no barge-ins yet');
  }
}

/** values: [{ n, ms }], n counting from 1 as the gateway counts them. */
function fillList(list, values, label) {
  list.replaceChildren(...values.map(({ n, ms }) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = `${label} ${n}`;
    const value = document.createElement('span');
    value.className = 'num';
    value.textContent = `${Math.round(ms)} ms`;
    item.append(name, value);
    return item;
  }));
}

function summary(figure, none) {
  if (!figure || !figure.count) {
    return none;
  }
  return `avg ${Math.round(figure.avg_ms)} ms · max ${Math.round(figure.max_ms)} ms · ${figure.count} in all`;
}
