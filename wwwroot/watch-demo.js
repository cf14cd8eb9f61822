// The watch demo: the SignalR browser client streaming WatchPrefix, one list line per event.
(() => {
    const $ = id => document.getElementById(id);
    let connection = null;

    function describe(event) {
        const keys = event.keys.map(k => k.deleted ? `${k.key} (deleted)` : `${k.key}=${JSON.stringify(k.value)}`);
        return `${event.initial ? 'initial' : event.versionstamp}: ${keys.join(', ') || '(no keys)'}`;
    }

    function showError(error) {
        $('error').textContent = String(error && error.message ? error.message : error);
        $('status').textContent = 'stopped';
    }

    async function watch() {
        const ns = $('namespace').value.trim();
        const token = $('token').value.trim();
        const prefix = $('prefix').value;
        $('error').textContent = '';
        $('events').replaceChildren();
        if (connection) {
            await connection.stop();
        }

        connection = new signalR.HubConnectionBuilder()
            .withUrl('/hubs/kv-watch', { accessTokenFactory: () => token })
            .build();
        try {
            await connection.start();
        } catch (error) {
            showError(error);
            return;
        }

        $('status').textContent = 'watching';
        connection.stream('WatchPrefix', ns, prefix, null).subscribe({
            next: event => {
                const line = document.createElement('li');
                line.className = 'watch-event';
                line.textContent = describe(event);
                $('events').append(line);
            },
            error: showError,
            complete: () => { $('status').textContent = 'ended'; },
        });
    }

    $('watch').addEventListener('click', watch);
})();
