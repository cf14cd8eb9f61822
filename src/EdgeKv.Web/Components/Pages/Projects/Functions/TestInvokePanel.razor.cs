using System.Text;
using System.Text.RegularExpressions;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using EdgeKv.Functions.Hosting;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// 测试函数: a method, path (with its query), headers and body sent to the project's active deployment through the
/// functions gateway in process (<see cref="FunctionInvoker"/>: the real routing, runtime and bindings a visitor meets);
/// shows the status, response headers, body and time. Who may use it is who may reach the project.
/// </summary>
public sealed partial class TestInvokePanel
{
    /// <summary>The methods offered (the ones a function file can handle).</summary>
    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    // Characters of a body shown; the rest is cut (the panel is for looking, not for downloading).
    private const int MaxShownChars = 100_000;

    private string _method = "GET";
    private string _path = "/";
    private string _headers = "";
    private string _body = "";
    private bool _busy;
    private string? _error;
    private FunctionInvocation? _result;

    /// <summary>The project.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private DeploymentService Deployments { get; set; } = default!;

    [Inject]
    private FunctionInvoker Invoker { get; set; } = default!;

    // GET and HEAD requests carry no body (a Request with one is an error in the runtime).
    private bool HasBody => _method is not ("GET" or "HEAD");

    private Color StatusColor => _result?.Status switch
    {
        < 300 => Color.Success,
        < 400 => Color.Info,
        < 500 => Color.Warning,
        _ => Color.Error,
    };

    private string ResponseHeadersText => string.Join('\n', _result!.Headers.Select(h => $"{h.Key}: {h.Value}"));

    private string ResponseBodyText
    {
        get
        {
            var body = _result!.Body;
            if (body.Length == 0)
            {
                return L["Invoke.EmptyBody"];
            }

            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
                return text.Length > MaxShownChars ? text[..MaxShownChars] + "…" : text;
            }
            catch (DecoderFallbackException)
            {
                return L["Invoke.Binary", DisplayFormat.Bytes(body.Length)];
            }
        }
    }

    protected override bool Concerns(DomainEvent domainEvent) => false;

    protected override Task LoadDataAsync() => Task.CompletedTask;

    private async Task SendAsync()
    {
        _error = null;
        _result = null;
        var path = (_path ?? "").Trim();
        if (!path.StartsWith('/'))
        {
            _error = L["Invoke.BadPath"];
            return;
        }

        var headers = new List<KeyValuePair<string, string>>();
        var lines = (_headers ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? "" : line[..colon].Trim();
            if (!HeaderName().IsMatch(name))
            {
                _error = L["Invoke.BadHeader", i + 1];
                return;
            }

            headers.Add(KeyValuePair.Create(name, line[(colon + 1)..].Trim()));
        }

        _busy = true;
        try
        {
            // The person must reach the project; the function itself is public, as on its URL.
            await Projects.GetAsync(Caller, ProjectId);
            if (await Deployments.ActiveIdAsync(ProjectId) is null)
            {
                _error = L["Invoke.NoDeployment"];
                return;
            }

            var body = HasBody && !string.IsNullOrEmpty(_body) ? Encoding.UTF8.GetBytes(_body) : null;
            _result = await Invoker.InvokeAsync(ProjectId, _method, path, headers, body);
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }

    // An HTTP header name: a token (RFC 9110).
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();
}
