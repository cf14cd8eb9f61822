namespace EdgeKv.Domain.Records;

/// <summary>How the console writes a record's value.</summary>
public enum RecordFormat
{
    /// <summary>UTF-8 text, stored as written.</summary>
    Text,

    /// <summary>JSON text, validated before it is stored.</summary>
    Json,

    /// <summary>Raw bytes, stored as given (an uploaded file); only <see cref="RecordService.PutBytesAsync"/> takes it.</summary>
    Bytes,
}
