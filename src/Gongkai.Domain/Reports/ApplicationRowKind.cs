namespace Gongkai.Domain.Reports;

/// <summary>What a data row of section 三 counts; the 勾稽关系 are written in these terms.</summary>
public enum ApplicationRowKind
{
    /// <summary>一、本年新收.</summary>
    Received = 1,
    /// <summary>二、上年结转.</summary>
    CarriedIn,
    /// <summary>A row of 三、本年度办理结果 that adds up into （七）总计.</summary>
    Outcome,
    /// <summary>三（七）总计.</summary>
    OutcomeTotal,
    /// <summary>四、结转下年度继续办理.</summary>
    CarriedOut,
}
