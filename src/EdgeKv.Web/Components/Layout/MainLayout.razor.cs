namespace EdgeKv.Web.Components.Layout;

/// <summary>The console's frame: header (brand, language switch, user menu), sidebar menu, page body.</summary>
public partial class MainLayout
{
    private bool _sidebarExpanded = true;
}
