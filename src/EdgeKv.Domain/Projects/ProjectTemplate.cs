namespace EdgeKv.Domain.Projects;

/// <summary>What a new project starts with (新建项目's template choice).</summary>
public enum ProjectTemplate
{
    /// <summary>Nothing: no functions, no bindings.</summary>
    Blank,

    /// <summary>
    /// 计数器: the EdgeOne guide's KV 示例 counter as <c>functions/index.js</c>, deployed, with a new namespace bound as
    /// <c>my_kv</c>; each visit of the functions URL adds one to the key <c>count</c>.
    /// </summary>
    Counter,
}
