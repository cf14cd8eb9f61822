using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context with what the console's components need: Radzen's services, the localizer over the real
/// resources, and a JS runtime that answers Radzen's calls. Derive a test class from it.
/// </summary>
public abstract class ConsoleComponentContext : BunitContext
{
    protected ConsoleComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
    }
}
