using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EdgeKv.Web.Account;

/// <summary>The account pages' addresses, and the cookie settings that point at them.</summary>
internal static class AccountPaths
{
    public const string SignIn = "/account/signin";
    public const string Register = "/account/register";
    public const string SignOut = "/account/signout";
    public const string AccessDenied = "/account/denied";
    public const string ChangePassword = "/account/change-password";

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = SignIn;
        options.LogoutPath = SignOut;
        options.AccessDeniedPath = AccessDenied;
        options.Cookie.Name = ".EdgeKv.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromDays(7);
    }

    /// <summary><paramref name="returnUrl"/> when local, else the KV storage page.</summary>
    public static string SafeReturnUrl(string? returnUrl) => LocalUrl.OrDefault(returnUrl, "/kv");
}
