// The gateway's view of the call: GET /calls/{id} (transcript, stats, status), polled while the page shows it.

const POLL_MS = 500;

export async function createLocalCall(voiceId) {
  const response = await fetch('/local/calls', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ voice_id: voiceId }),
  });
  const body = await response.json();
  if (response.status !== 201) {
    throw new Error(body.message || `POST /local/calls answered ${response.status}`);
  }
  return body; // { call_id, stream_url, token, voice_id }
}

/** Calls onRecord with each fresh record until stop() or until the call has ended. Returns stop. */
export function pollCall(callId, onRecord) {
  let timer = null;
  let stopped = false;
  const poll = async () => {
    try {
      const response = await fetch(`/calls/${encodeURIComponent(callId)}`, { cache: 'no-store' });
      if (response.ok) {
        const record = await response.json();
        onRecord(record);
        if (record.ended_at) {
          stopped = true; // final figures shown; nothing will change any more
        }
      }
    } catch (e) {
      console.warn('softphone: polling the call record failed', e);
    }
    if (!stopped) {
      timer = setTimeout(poll, POLL_MS);
    }
  };
  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
