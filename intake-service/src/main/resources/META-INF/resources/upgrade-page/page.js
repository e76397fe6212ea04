// The upgrade page's script: everything goes through the requester API. The request's secret stays in this
// browser (localStorage, per request) and travels only as an Authorization header, never in a URL.
(function () {
  const API = '/api/v1/requests';
  const REQUESTER = 'juniper-upgrade:requester';
  const keyOf = id => 'juniper-upgrade:request:' + id;
  /** The stages a request passes, in order; a production request has no neutralization. */
  const STAGES = [['new', 'Upload'], ['pending', 'Queued'], ['restore', 'Restore'], ['upgrade', 'Upgrade'],
    ['dump', 'Dump'], ['neutralize', 'Neutralize'], ['report', 'Report'], ['done', 'Done']];
  const $ = id => document.getElementById(id);

  function call(path, secret, init) {
    const headers = Object.assign({}, init && init.headers);
    if (secret) {
      headers.Authorization = 'Bearer ' + secret;
    }
    return fetch(API + path, Object.assign({}, init, { headers: headers, cache: 'no-store' }));
  }

  /** The answer's JSON, or an Error carrying the API's failures. */
  async function json(response) {
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.failures = body && body.failures ? body.failures
        : [{ reason: 'HTTP ' + response.status, message: 'the server answered ' + response.status, expected: '' }];
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showFailures(error) {
    const box = $('failures');
    box.replaceChildren();
    if (!error) {
      box.hidden = true;
      return;
    }
    const list = document.createElement('ul');
    (error.failures || [{ reason: 'ERROR', message: error.message, expected: '' }]).forEach(f => {
      const item = document.createElement('li');
      item.textContent = f.message + (f.expected ? ' (expected: ' + f.expected + ')' : '');
      list.append(item);
    });
    box.append('Refused:', list);
    box.hidden = false;
    box.focus();
  }

  /**
   * Sends the backup with tus: a cut connection is retried and resumes at the offset the server holds, and a page
   * opened again finds the upload it left by the file's fingerprint.
   */
  function upload(id, secret, file) {
    const bar = $('upload-progress');
    const status = $('upload-status');
    let resumed = '';
    return new Promise((resolve, reject) => {
      const transfer = new tus.Upload(file, {
        endpoint: API + '/' + id + '/backup',
        headers: { Authorization: 'Bearer ' + secret },
        // a moment before the first try: intake stores what arrived once it sees the connection gone
        retryDelays: [1000, 3000, 5000, 10000, 20000, 30000, 60000],
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => {
          bar.value = total ? Math.floor(sent * 100 / total) : 0;
          status.textContent = 'Uploaded ' + megabytes(sent) + ' of ' + megabytes(total) + resumed + '.';
        },
        onShouldRetry: (error, attempt, options) => {
          status.textContent = 'The connection dropped; resuming…';
          resumed = ' (resumed after a dropped connection)';
          const code = error.originalResponse ? error.originalResponse.getStatus() : 0;
          return code === 0 || code === 409 || code === 423 || code >= 500;
        },
        onError: error => reject(Object.assign(new Error(String(error)), { failures: refusalOf(error) })),
        onSuccess: () => {
          bar.value = 100;
          status.textContent = 'Uploaded; the backup is checked.';
          resolve();
        }
      });
      transfer.findPreviousUploads().then(previous => {
        if (previous.length) {
          transfer.resumeFromPreviousUpload(previous[0]);
        }
        transfer.start();
      });
    });
  }

  function refusalOf(error) {
    try {
      return JSON.parse(error.originalResponse.getBody()).failures;
    } catch (ignored) {
      return undefined;
    }
  }

  /** Upload, then start; the follow page shows what the check of the backup found. */
  async function uploadAndStart(id, secret, file) {
    await upload(id, secret, file);
    const status = await json(await call('/' + id, secret));
    if (status.state === 'new') {
      await json(await call('/' + id + '/start', secret, { method: 'POST' }));
    }
    location.assign('/requests/' + id);
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function duration(seconds) {
    if (seconds == null) {
      return '';
    }
    if (seconds < 60) {
      return seconds + ' s';
    }
    if (seconds < 3600) {
      return Math.round(seconds / 60) + ' min';
    }
    return Math.floor(seconds / 3600) + ' h ' + String(Math.floor(seconds % 3600 / 60)).padStart(2, '0') + ' min';
  }

  // ---- the request form ----

  async function requestForm(form) {
    const purpose = () => form.querySelector('input[name=purpose]:checked').value;
    const warn = () => { $('production-warning').hidden = purpose() !== 'production'; };
    form.querySelectorAll('input[name=purpose]').forEach(radio => radio.addEventListener('change', warn));
    // a database with a test that went well is ready for production: that is preselected for it
    $('database').addEventListener('change', async () => {
      const requester = localStorage.getItem(REQUESTER);
      if (!requester) {
        return;
      }
      const own = await call('', requester).then(json).catch(() => []);
      const tested = own.some(r => r.database === $('database').value && r.purpose === 'test' && r.state === 'done');
      form.querySelector('input[name=purpose][value=' + (tested ? 'production' : 'test') + ']').checked = true;
      $('purpose-hint').textContent = tested ? 'This database had a test that went well: production is chosen.'
        : 'Test is chosen for a database\'s first upgrade; request production once a test went well.';
      warn();
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      showFailures(null);
      const file = $('backup').files[0];
      if (!form.reportValidity() || !file) {
        return;
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const ask = JSON.stringify({ contract: $('contract').value.trim(), email: $('email').value.trim(),
          database: $('database').value.trim(), targetVersion: $('target').value, purpose: purpose() });
        const create = secret => call('', secret, { method: 'POST', body: ask,
          headers: { 'Content-Type': 'application/json' } });
        // the requester's earlier secret makes the new request one of theirs; one this server forgot is dropped
        let response = await create(localStorage.getItem(REQUESTER));
        if (response.status === 401) {
          localStorage.removeItem(REQUESTER);
          response = await create(null);
        }
        const created = await json(response);
        localStorage.setItem(keyOf(created.id), created.secret);
        localStorage.setItem(REQUESTER, created.secret);
        $('secret').textContent = created.secret;
        $('created').hidden = false;
        form.hidden = true;
        await uploadAndStart(created.id, created.secret, file);
      } catch (error) {
        showFailures(error);
        button.disabled = false;
      }
    });
  }

  // ---- the follow page ----

  function followPage(main) {
    const id = main.dataset.request;
    let secret = localStorage.getItem(keyOf(id));
    let following = false;
    let timer = null;

    async function refresh() {
      clearTimeout(timer);
      try {
        const status = await json(await call('/' + id, secret));
        show(status);
        if (!['done', 'failed', 'cancelled', 'archived'].includes(status.state)) {
          timer = setTimeout(refresh, 3000);
        }
        return status;
      } catch (error) {
        showFailures(error);
        timer = setTimeout(refresh, 10000);
      }
    }

    function show(s) {
      showFailures(null);
      $('request').hidden = false;
      $('state').textContent = s.state;
      $('database').textContent = s.database;
      $('versions').textContent = (s.sourceVersion || '?') + ' → ' + s.targetVersion;
      $('purpose').textContent = s.purpose;
      $('queue-position').textContent = s.queuePosition == null ? '–'
        : s.queuePosition === 0 ? 'next' : s.queuePosition + ' before yours';
      $('estimate').textContent = s.estimatedSeconds == null ? '–' : 'about ' + duration(s.estimatedSeconds);
      $('elapsed').textContent = s.elapsedSeconds == null ? '–' : duration(s.elapsedSeconds);
      $('production-warning').hidden = s.purpose !== 'production' || ['done', 'failed', 'cancelled', 'archived']
        .includes(s.state);
      $('held').hidden = !s.held;
      $('failure').hidden = !s.failure;
      $('failure').textContent = s.failure ? s.failure.reason + ': ' + s.failure.message : '';
      stages(s);
      $('upload-section').hidden = s.state !== 'new';
      // a running production upgrade is stopped by the upgrade team, on demand
      $('cancel').hidden = !['new', 'pending', 'progress'].includes(s.state)
        || s.purpose === 'production' && s.state === 'progress';
      $('report').hidden = !(s.state === 'done' || s.state === 'failed');
      $('download').hidden = s.state !== 'done';
      if (!following && s.state !== 'new') {
        following = true;
        followLog(s.state);
      }
    }

    function stages(s) {
      const steps = STAGES.filter(([code]) => code !== 'neutralize' || s.purpose !== 'production');
      const current = s.state === 'new' || s.state === 'pending' ? s.state : s.state === 'done' ? 'done' : s.stage;
      const at = Math.max(0, steps.findIndex(([code]) => code === current));
      const list = $('stages');
      list.replaceChildren(...steps.map(([code, name], i) => {
        const item = document.createElement('li');
        item.textContent = name;
        if (i < at || s.state === 'done') {
          item.className = 'passed';
        }
        if (i === at && s.state !== 'done') {
          item.setAttribute('aria-current', 'step');
        }
        return item;
      }));
      const bar = $('stages-bar');
      bar.max = steps.length - 1;
      bar.value = s.state === 'done' ? steps.length - 1 : at;
      bar.textContent = steps[at][1];
    }

    /** The live log as Server-Sent Events, read with fetch: EventSource cannot send the Authorization header. */
    async function followLog(state) {
      const log = $('log');
      if (['done', 'failed', 'cancelled', 'archived'].includes(state)) {
        log.textContent = await call('/' + id + '/log', secret).then(r => r.ok ? r.text() : '');
        return;
      }
      try {
        const response = await call('/' + id + '/log/stream', secret, { headers: { Accept: 'text/event-stream' } });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        // the stream starts from the first line, so a reconnection writes the log afresh
        log.textContent = '';
        let pending = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          pending += value;
          const events = pending.split(/\r?\n\r?\n/);
          pending = events.pop();
          const lines = events.map(e => e.split(/\r?\n/).filter(l => l.startsWith('data:'))
            .map(l => l.slice(l.startsWith('data: ') ? 6 : 5)).join('\n')).filter(l => l !== '');
          if (lines.length) {
            const atEnd = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
            log.append(lines.join('\n') + '\n');
            if (atEnd) {
              log.scrollTop = log.scrollHeight;
            }
            // new lines often mean a new stage: the status follows the log rather than its next poll
            refresh();
          }
        }
      } catch (ignored) {
        // the connection dropped: the next status refresh follows again
      }
      following = false;
      refresh();
    }

    async function open(which) {
      try {
        const links = await json(await call('/' + id + '/links', secret, { method: 'POST' }));
        if (which === 'report') {
          window.open(links.report, '_blank', 'noopener');
        } else {
          location.assign(links.download);
        }
      } catch (error) {
        showFailures(error);
      }
    }

    $('report').addEventListener('click', () => open('report'));
    $('download').addEventListener('click', () => open('download'));
    $('cancel').addEventListener('click', async () => {
      try {
        show(await json(await call('/' + id + '/cancel', secret, { method: 'POST' })));
      } catch (error) {
        showFailures(error);
      }
    });
    $('upload').addEventListener('click', async () => {
      const file = $('backup').files[0];
      if (!file) {
        $('backup').focus();
        return;
      }
      $('upload').disabled = true;
      try {
        await uploadAndStart(id, secret, file);
      } catch (error) {
        showFailures(error);
        $('upload').disabled = false;
      }
    });
    $('secret-form').addEventListener('submit', async event => {
      event.preventDefault();
      const given = $('secret-input').value.trim();
      const response = await call('/' + id, given);
      if (!response.ok) {
        showFailures({ failures: [{ message: 'That is not the key to this request.', expected: '' }] });
        return;
      }
      secret = given;
      localStorage.setItem(keyOf(id), secret);
      $('secret-form').hidden = true;
      refresh();
    });

    if (secret) {
      refresh();
    } else {
      $('secret-form').hidden = false;
      $('secret-input').focus();
    }
  }

  const form = $('request-form');
  if (form) {
    requestForm(form);
  }
  const main = $('follow');
  if (main) {
    followPage(main);
  }
})();
