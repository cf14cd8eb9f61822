// Monaco comes with the BlazorMonaco package (its static web assets); it is loaded on the first page that edits
// functions rather than on every console page (about 3 MB). Its scripts are files of this origin, so the console's
// Content-Security-Policy (script-src 'self') allows them. Order matters: jsInterop.js tells the AMD loader where
// Monaco's modules are, loader.js defines it, editor.main.js registers the editor.
const scripts = [
    "_content/BlazorMonaco/jsInterop.js",
    "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
    "_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js",
];

let loading = null;

function load(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.async = false;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error("could not load " + src));
        document.head.appendChild(script);
    });
}

async function loadAll() {
    for (const src of scripts) {
        await load(src);
    }

    // editor.main.js registers the editor through the AMD loader; wait until it has.
    await new Promise(resolve => window.require(["vs/editor/editor.main"], () => resolve()));
}

// Resolves true once the editor can be created; later calls reuse the first load.
export async function loadMonaco() {
    if (window.monaco && window.blazorMonaco) {
        return true;
    }

    loading ??= loadAll();
    await loading;
    return true;
}

// Whether the operating system asks for dark colours (for the console's 跟随系统 theme).
export function prefersDark() {
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

// The length (String.length) of what editor `id` holds, asked before its text is sent to the server: over the
// editor's limit it is not sent, since a message over the circuit's limit would drop the circuit (CircuitLimits).
export function textLength(id) {
    return window.blazorMonaco.editor.getEditor(id).getModel().getValueLength();
}
