using System.Security.Cryptography;
using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Account;

/// <summary>
/// A password hash of no account, made once with the host's hashing settings. Signing in with an unknown e-mail checks
/// the password against it, so the answer takes as long as for a known e-mail with a wrong password and the time
/// does not tell whether an address is registered.
/// </summary>
internal sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<ApplicationUser>(options).HashPassword(new ApplicationUser(), RandomNumberGenerator.GetHexString(32)));

    /// <summary>Checks <paramref name="password"/> against the decoy (never a match) with <paramref name="hasher"/>.</summary>
    public void Check(IPasswordHasher<ApplicationUser> hasher, string password) =>
        hasher.VerifyHashedPassword(new ApplicationUser(), _hash.Value, password);
}
