// The call's audio graph: microphone → capture worklet (8 kHz μ-law frames out), and playout worklet
// (μ-law in) → speakers. The AudioContext runs at the device's own rate; the worklets resample.

export async function startAudio({ onFrame, onMark, onPlayoutStats }) {
  // Browser echo cancellation matters here: a laptop's speakers feed the reply back into its microphone, and
  // the gateway would hear that as the caller talking over the model (barge-in).
  const microphone = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule('/static/capture-worklet.js');
  await context.audioWorklet.addModule('/static/playout-worklet.js');

  const capture = new AudioWorkletNode(context, 'capture', { numberOfInputs: 1, numberOfOutputs: 1 });
  capture.port.onmessage = (event) => onFrame(event.data.payload, event.data.rms);
  // A node is only processed when it leads to the destination: route capture there through a muted gain.
  const mute = new GainNode(context, { gain: 0 });
  context.createMediaStreamSource(microphone).connect(capture).connect(mute).connect(context.destination);

  const playout = new AudioWorkletNode(context, 'playout', { numberOfInputs: 0, outputChannelCount: [1] });
  playout.port.onmessage = (event) => {
    if (event.data.type === 'mark') {
      onMark(event.data.name);
    } else if (event.data.type === 'stats') {
      onPlayoutStats(event.data);
    }
  };
  playout.connect(context.destination);
  await context.resume(); // in case the page was opened without a user gesture

  return {
    sampleRate: context.sampleRate,
    play: (payload) => playout.port.postMessage({ type: 'media', payload }, [payload.buffer]),
    mark: (name) => playout.port.postMessage({ type: 'mark', name }),
    clear: () => playout.port.postMessage({ type: 'clear' }),
    async close() {
      capture.port.postMessage('stop');
      microphone.getTracks().forEach((track) => track.stop());
      await context.close();
    },
  };
}
