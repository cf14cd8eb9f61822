using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// One entry of a project's menu (函数, KV 存储, …): its URL segment (<c>/projects/{id}/{Key}</c>; the default section
/// lives at <c>/projects/{id}</c>), its label and icon, and what it shows.
/// </summary>
public sealed record ProjectSection(string Key, string Label, string Icon, RenderFragment Content);
