namespace EdgeKv.Domain.Variables;

/// <summary>
/// An environment variable of a project (环境变量): its functions read it as <c>env.NAME</c>. A secret's value is
/// stored like any other (the runtime needs it) but never shown again after it is set, only replaced.
/// </summary>
public class ProjectVariable
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The project it belongs to.</summary>
    public int ProjectId { get; set; }

    /// <summary>The name (<see cref="ProjectVariableRules"/>), unique in the project, case-sensitive as <c>env</c>'s keys are.</summary>
    public string Name { get; set; } = "";

    /// <summary>The value (at most <see cref="ProjectVariableRules.MaxValueBytes"/> UTF-8 bytes).</summary>
    public string Value { get; set; } = "";

    /// <summary>True when the value is a secret: masked in the console, never returned by a read.</summary>
    public bool IsSecret { get; set; }

    /// <summary>When it was last set (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
