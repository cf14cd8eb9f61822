namespace EdgeKv.Web;

/// <summary>
/// Marker type of the console's one resource set (Resources/SharedResource.resx is English,
/// SharedResource.zh-Hans.resx Simplified Chinese, the default). Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource
{
}
