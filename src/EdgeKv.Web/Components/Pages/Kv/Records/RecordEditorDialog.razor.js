// The editor's typed value crosses the circuit in one message per input or change event, and a message over the hub's
// limit drops the circuit and the value with it. So the browser measures the text first (UTF-8 bytes, as the
// server counts them) and, over the limit, stops the event before Blazor or MudBlazor sees it: the oversized text
// never leaves the browser. The dialog is told only whether the text fits, so it can refuse to save and say why.
export function guardTypedValue(inputId, limitBytes, editor) {
    const encoder = new TextEncoder();
    let over = false;
    const check = event => {
        const box = event.target;
        if (!box || box.id !== inputId) {
            return;
        }

        // Three bytes a UTF-16 unit at most: short text needs no encoding to be known to fit.
        const fits = box.value.length * 3 <= limitBytes || encoder.encode(box.value).length <= limitBytes;
        if (!fits) {
            event.stopImmediatePropagation();
        }

        if (fits === over) {
            over = !fits;
            editor.invokeMethodAsync("TypedSizeChanged", over);
        }
    };

    // Capturing on window runs before every other listener, Blazor's included (it listens on the document).
    const events = ["input", "change"];
    events.forEach(name => window.addEventListener(name, check, true));
    return {
        dispose: () => events.forEach(name => window.removeEventListener(name, check, true)),
    };
}
