using EdgeKv.Core.Replication;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Nodes;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin.Nodes;

/// <summary>
/// 平台管理 › 节点: every node of the cluster with its storage engine, whether it is online, its read replica's state,
/// lag and bound, and a chart of each node's lag over the last hour. Live: it reads again after every heartbeat this
/// node writes (<see cref="NodeHeartbeats"/>, every few seconds), which also brings the other nodes' latest beats.
/// Admins only (the route's role, and the domain refuses anyone else).
/// </summary>
public sealed partial class AdminNodes : LivePage
{
    private LiveFeed? _heartbeats;
    private NodesView? _view;
    private NodeLagSeries? _lag;

    [Inject]
    private NodeService Nodes { get; set; } = default!;

    [Inject]
    private NodeHeartbeats Heartbeats { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The reader's clock, UTC until the browser says its zone.</summary>
    private BrowserClock Clock { get; set; } = BrowserClock.Utc;

    private bool AnyReplica => _view?.Nodes.Any(node => node.Replica.Health != KvReplicaHealth.NotConfigured) == true;

    /// <inheritdoc />
    protected override bool Concerns(DomainEvent domainEvent) => false;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _heartbeats = LiveFeed.Start(Heartbeats.Subscribe, _ => InvokeAsync(ReloadAsync));
    }

    /// <inheritdoc />
    protected override async Task LoadDataAsync()
    {
        _view = await Nodes.ListAsync(Caller);
        _lag = NodeLagSeries.From(_view);
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            Clock = await BrowserClock.ReadAsync(JS);
            StateHasChanged();
        }
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeLiveAsync()
    {
        if (_heartbeats is not null)
        {
            await _heartbeats.DisposeAsync();
        }
    }

    private static Color ColorOf(KvReplicaHealth health) => health switch
    {
        KvReplicaHealth.Serving => Color.Success,
        KvReplicaHealth.Behind => Color.Warning,
        KvReplicaHealth.Unreachable => Color.Error,
        _ => Color.Default,
    };
}
