// The gateway's view of the call: GET /local/calls/{id} with the call's own token (transcript, stats, status),
// polled while the page shows it. /calls needs an API key; the token is all the softphone has, and all it needs.

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
export function pollCall(callId, token, onRecord) {
  let timer = null;
  let stopped = false;
  const poll = async () => {
    try {
      const response = await fetch(`/local/calls/${encodeURIComponent(callId)}`, {
        cache: 'no-store',
        headers: { 'X-Call-Token': token },
      });
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
