<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Due</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Customer lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>CLV = average order value × purchases a year × expected lifespan × margin. The dashboard&apos;s average CLV, the re-tiering and the win-back figures use it.</source>
        <translation>CLV = 平均订单金额 × 每年购买次数 × 预期生命周期 × 毛利率。仪表盘的平均 CLV、按价值调整等级和挽回计算都使用它。</translation>
    </message>
    <message>
        <source>Churn warning and win-back</source>
        <translation>流失预警与挽回</translation>
    </message>
    <message>
        <source>Win back when E(V) − V3 &gt; C3: E(V) = CLV × (p_stay + (1 − p_stay) × p_win), V3 = CLV × p_stay, p_stay = 1 − risk ÷ 100 (0 for a churned customer). Customers whose risk score reaches the threshold count as at risk.</source>
        <translation>当 E(V) − V3 &gt; C3 时挽回：E(V) = CLV × (p_stay + (1 − p_stay) × p_win)，V3 = CLV × p_stay，p_stay = 1 − 风险分 ÷ 100（已流失客户为 0）。风险分达到阈值的客户计为有流失风险。</translation>
    </message>
    <message>
        <source>Sales forecast</source>
        <translation>销售预测</translation>
    </message>
    <message>
        <source>Open leads weighted = Σ open leads and prospects × stage probability × average order value. A prospect cannot be less likely than a lead.</source>
        <translation>加权在途线索 = Σ 未成交的线索和潜在客户 × 阶段成交概率 × 平均订单金额。潜在客户的概率不能低于线索。</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>毛利率：</translation>
    </message>
    <message>
        <source>Expected lifespan:</source>
        <translation>预期生命周期：</translation>
    </message>
    <message>
        <source>Won back (p_win):</source>
        <translation>挽回成功率 (p_win)：</translation>
    </message>
    <message>
        <source>Cost of an action (C3):</source>
        <translation>每次挽回成本 (C3)：</translation>
    </message>
    <message>
        <source>At risk from score:</source>
        <translation>风险分阈值：</translation>
    </message>
    <message>
        <source>Lead becomes a customer:</source>
        <translation>线索成交概率：</translation>
    </message>
    <message>
        <source>Prospect becomes a customer:</source>
        <translation>潜在客户成交概率：</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source> of 100</source>
        <translation> / 100</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Zhanggui CRM is already open on this data (in {folder}), in another window or by another user of this computer. Switch to that window, or close it and start again.</source>
        <translation>掌柜 CRM 已经打开了这份数据（{folder}），在另一个窗口中，或由这台电脑的另一位用户打开。请切换到那个窗口，或将其关闭后重新启动。</translation>
    </message>
    <message>
        <source>Zhanggui CRM</source>
        <translation>掌柜 CRM</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Copying the data…</source>
        <translation>正在复制数据…</translation>
    </message>
    <message>
        <source>From the next start, Zhanggui CRM opens {path}.</source>
        <translation>下次启动起，掌柜 CRM 将打开 {path}。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Backup written and verified: {path}</source>
        <translation>备份已写入并校验通过：{path}</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Back up a server database with the server&apos;s own tools.</source>
        <translation>服务器数据库请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>Restore a server database with the server&apos;s own tools.</source>
        <translation>服务器数据库请使用服务器自带的工具恢复。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Backup restored. The database it replaced is kept at {kept}.</source>
        <translation>备份已恢复。被替换的数据库保存在 {kept}。</translation>
    </message>
    <message>
        <source>The newest good backup was restored; the damaged file is kept beside it.</source>
        <translation>已恢复最新的完好备份；损坏的文件保存在其旁边。</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Record id:</source>
        <translation>记录编号：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>所有数据表</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>uuid of a contact, ticket, …</source>
        <translation>客户、工单等的 uuid…</translation>
    </message>
    <message>
        <source>&amp;Apply filter</source>
        <translation>筛选(&amp;A)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail to</source>
        <translation>审计日志导出到</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries exported.</source>
        <translation>
            <numerusform>已导出 %n 条审计记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>变更（旧 → 新）</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Back up the database automatically when Zhanggui CRM closes</source>
        <translation>关闭掌柜 CRM 时自动备份数据库</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>backups/ beside the database</source>
        <translation>数据库旁的 backups/ 文件夹</translation>
    </message>
    <message>
        <source>Each backup is verified; older ones are thinned out. A folder on another disk or a USB stick also survives a broken computer.</source>
        <translation>每份备份都会校验；较旧的备份会逐步精简。放在另一块硬盘或 U 盘上的文件夹，即使电脑损坏也能保住数据。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <source>Care…</source>
        <translation>客户关怀…</translation>
    </message>
    <message>
        <source>Customers due for contact, birthdays and holidays</source>
        <translation>待联系客户、生日和节日</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Search customer, title, notes… (Ctrl+F)</source>
        <translation>搜索客户、标题、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>显示回收站</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Moved to {when}</source>
        <translation>已改到 {when}</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) listed</source>
        <translation>
            <numerusform>列出 %n 条跟进</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarViews</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Due for contact</source>
        <translation>待联系</translation>
    </message>
    <message>
        <source>Birthdays &amp;&amp; holidays</source>
        <translation>生日和节日</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <source>Contact every</source>
        <translation>联系间隔</translation>
    </message>
    <message>
        <source>Visit every</source>
        <translation>拜访间隔</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>no visits</source>
        <translation>不拜访</translation>
    </message>
    <message>
        <source>Calendar → Care… lists the customers due by these intervals, counted from their last contact or visit.</source>
        <translation>日历 → 客户关怀… 按这些间隔（从上次联系或拜访算起）列出到期的客户。</translation>
    </message>
</context>
<context>
    <name>ChurnDialog</name>
    <message>
        <source>Natural (no longer needs it)</source>
        <translation>自然流失（不再需要）</translation>
    </message>
    <message>
        <source>Need changed</source>
        <translation>需求变化</translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation>转投竞争对手</translation>
    </message>
    <message>
        <source>Service failure</source>
        <translation>服务失误</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Mark churned</source>
        <translation>标记为流失</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Choose the contact field each column of the file goes into. Columns set to “— ignore —” are not imported.</source>
        <translation>为文件的每一列选择要导入的客户字段。设为“— 忽略 —”的列不会导入。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>Choose a column for Name (or for Given name and Family name): every contact needs a name.</source>
        <translation>请为“姓名”（或“名”和“姓”）选择一列：每位客户都必须有姓名。</translation>
    </message>
    <message>
        <source>More than one column goes into {fields}; keep one.</source>
        <translation>有多列都导入到“{fields}”，请只保留一列。</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Mark done — {name}</source>
        <translation>完成跟进 — {name}</translation>
    </message>
    <message>
        <source>What came of it? It is added to the customer&apos;s timeline.</source>
        <translation>结果如何？将记入客户的互动记录。</translation>
    </message>
    <message>
        <source>Plan the next one</source>
        <translation>安排下一次跟进</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一次</translation>
    </message>
</context>
<context>
    <name>ConsentsPanel</name>
    <message>
        <source>Consents</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销推广</translation>
    </message>
    <message>
        <source>Text messages</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat messages</source>
        <translation>微信消息</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone calls</source>
        <translation>电话联系</translation>
    </message>
    <message>
        <source>Keeping their data</source>
        <translation>保存个人信息</translation>
    </message>
    <message>
        <source>Sharing with partners</source>
        <translation>向合作方提供</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>paper form</source>
        <translation>纸质表格</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>online form</source>
        <translation>线上表单</translation>
    </message>
    <message>
        <source>on WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他方式</translation>
    </message>
    <message>
        <source>given</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No consent recorded yet.</source>
        <translation>尚未记录任何授权。</translation>
    </message>
</context>
<context>
    <name>ContactDetailPane</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Stage / tier</source>
        <translation>阶段 / 分级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>互动记录</translation>
    </message>
    <message>
        <source>Upcoming follow-ups</source>
        <translation>待办跟进</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>Log an interaction</source>
        <translation>记录一次互动</translation>
    </message>
    <message>
        <source>What was said or done, and the outcome</source>
        <translation>沟通内容和结果</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No contact selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>(not a valid number)</source>
        <translation>（号码无效）</translation>
    </message>
    <message>
        <source>No interactions yet.</source>
        <translation>暂无互动记录。</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>暂无计划。</translation>
    </message>
    <message>
        <source>No open tickets.</source>
        <translation>没有未结工单。</translation>
    </message>
    <message>
        <source>{month}/{day} (year unknown)</source>
        <translation>{month}月{day}日（年份不详）</translation>
    </message>
    <message>
        <source>leap </source>
        <translation>闰</translation>
    </message>
    <message>
        <source>lunar {leap}{month}/{day}</source>
        <translation>农历{leap}{month}月{day}日</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Channel / campaign</source>
        <translation>渠道 / 活动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>个人或单位</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>Year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source> (month)</source>
        <translation> 月</translation>
    </message>
    <message>
        <source> (day)</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>请勿联系</translation>
    </message>
    <message>
        <source>Not a valid number: it will be kept as typed and flagged.</source>
        <translation>号码无效：将按原样保存并标记。</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>这看起来不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>Possible duplicate: %1</source>
        <translation>可能重复：%1</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Other email</source>
        <translation>备用邮箱</translation>
    </message>
    <message>
        <source>More phones</source>
        <translation>更多电话</translation>
    </message>
    <message>
        <source>More emails</source>
        <translation>更多邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Birth month</source>
        <translation>出生月份</translation>
    </message>
    <message>
        <source>Birth day (of the month)</source>
        <translation>出生日（几号）</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Customer tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>请勿联系</translation>
    </message>
    <message>
        <source>Organisation (not a person)</source>
        <translation>单位客户（非个人）</translation>
    </message>
    <message>
        <source>Record ID (UUID)</source>
        <translation>记录编号（UUID）</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Not a valid phone number; kept as typed.</source>
        <translation>电话号码无效，已按原样保存。</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Search name, pinyin, phone, email, company, tag… (Ctrl+F)</source>
        <translation>搜索姓名、拼音、电话、邮箱、公司、标签…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>显示回收站</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) in the trash</source>
        <translation>
            <numerusform>回收站中有 %n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyJobs</name>
    <message numerus="yes">
        <source>%n customer(s) inactive for over {years} year(s) anonymised (privacy retention).</source>
        <translation>
            <numerusform>已匿名化 %n 位超过 {years} 年不活跃的客户（隐私保留期限）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DamagedOffer</name>
    <message>
        <source>Zhanggui CRM — damaged database</source>
        <translation>掌柜 CRM — 数据库已损坏</translation>
    </message>
    <message>
        <source>Restore the newest good backup? The damaged file is kept aside, not deleted.</source>
        <translation>要恢复最新的完好备份吗？损坏的文件会另存一旁，不会删除。</translation>
    </message>
    <message>
        <source>Close the app and copy the file for an expert; nothing was changed.</source>
        <translation>请关闭程序，把该文件复制给技术人员检查；没有做任何修改。</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>恢复最新的完好备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DashboardPdf</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>经营概览</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Contacts</source>
        <translation>客户总数</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>Follow-ups today</source>
        <translation>今日跟进</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Contacts by stage</source>
        <translation>各阶段客户数</translation>
    </message>
    <message>
        <source>Contacts by tier</source>
        <translation>各分级客户数</translation>
    </message>
    <message>
        <source>Tickets by status</source>
        <translation>各状态工单数</translation>
    </message>
    <message>
        <source>Today&apos;s follow-ups</source>
        <translation>今日跟进</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Revenue and sources</source>
        <translation>销售与来源</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户分群</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <source>Revenue a month (¥), forecast dashed</source>
        <translation>月销售额（元），虚线为预测</translation>
    </message>
    <message>
        <source>New leads by source</source>
        <translation>新线索来源</translation>
    </message>
    <message>
        <source>Spend by tier (¥ thousand)</source>
        <translation>各等级客户消费额（千元）</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Re-tier by value…</source>
        <translation>按价值调整等级…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Forecast: {method}; back-test error MAE ¥{mae}, MAPE {mape}%. Open leads weighted by stage probability: ¥{pipeline}.</source>
        <translation>预测方法：{method}；回测误差 MAE ¥{mae}，MAPE {mape}%。按阶段概率加权的在谈线索：¥{pipeline}。</translation>
    </message>
    <message>
        <source>Export the dashboard as PDF</source>
        <translation>将概览导出为 PDF</translation>
    </message>
    <message>
        <source>The figures are still being computed; try again in a moment.</source>
        <translation>指标仍在计算中，请稍后再试。</translation>
    </message>
    <message>
        <source>Dashboard saved as {file}.</source>
        <translation>概览已保存为 {file}。</translation>
    </message>
    <message>
        <source>Select the customers who left first.</source>
        <translation>请先选择已流失的客户。</translation>
    </message>
    <message>
        <source>%n win-back call(s) planned over the next week.</source>
        <translation>已在未来一周安排 %n 个挽回电话。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
    <message>
        <source>Start empty or explore with demo data, and choose where the data lives.</source>
        <translation>从空数据库开始或用演示数据体验，并选择数据的存放位置。</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>For real work: add or import your own customers.</source>
        <translation>用于正式工作：添加或导入您自己的客户。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>About 2,000 realistic customers with follow-ups, tickets and points, to explore the app. Start again with an empty database later (File → New database…).</source>
        <translation>约 2,000 位逼真的客户，含跟进、工单和积分，便于熟悉本软件。以后可以用空数据库重新开始（文件 → 新建数据库…）。</translation>
    </message>
    <message>
        <source>Data folder (database and backups):</source>
        <translation>数据文件夹（数据库和备份）：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>This folder already holds a Zhanggui CRM database: it will be opened as it is.</source>
        <translation>此文件夹中已有掌柜 CRM 数据库：将按原样打开。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>Never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Days over</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划方式</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>已计划于</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>Contact intervals by tier</source>
        <translation>各等级联系周期</translation>
    </message>
    <message>
        <source>Contact every (days)</source>
        <translation>联系周期（天）</translation>
    </message>
    <message>
        <source>Visit every (days)</source>
        <translation>拜访周期（天）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No visits</source>
        <translation>不拜访</translation>
    </message>
    <message>
        <source>Save intervals and refresh</source>
        <translation>保存周期并刷新</translation>
    </message>
    <message>
        <source>Plan follow-ups for the selected</source>
        <translation>为所选客户安排跟进</translation>
    </message>
    <message>
        <source>Select the customers to plan follow-ups for.</source>
        <translation>请先选择要安排跟进的客户。</translation>
    </message>
    <message>
        <source>Regular contact</source>
        <translation>定期联系</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) planned.</source>
        <translation>
            <numerusform>已安排 %n 项跟进。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Contacts that are probably the same customer, most alike first. Select a group and click Merge…</source>
        <translation>以下客户可能是同一人，按相似度从高到低排列。选中一组后点击“合并…”。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Undo last merge</source>
        <translation>撤销上次合并</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>未发现可能重复的客户。</translation>
    </message>
    <message>
        <source>Undo the merge into %1</source>
        <translation>撤销合并到“%1”的操作</translation>
    </message>
    <message>
        <source>Merge undone: %1 and the merged contacts are back as they were.</source>
        <translation>已撤销合并：“%1”及被合并的客户均已恢复原状。</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>same name pinyin</source>
        <translation>姓名拼音相同</translation>
    </message>
    <message>
        <source>same company</source>
        <translation>公司相同</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 位客户</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Contacts already there</source>
        <translation>已有客户</translation>
    </message>
    <message>
        <source>A row matches a contact already there when it has the same mobile phone, the same email or the same record ID.</source>
        <translation>如果某行的手机、邮箱或记录编号与已有客户相同，即视为与该客户重复。</translation>
    </message>
    <message>
        <source>&amp;Skip them</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <source>Keep the contact as it is and leave the row out. The safe choice.</source>
        <translation>保留已有客户不变，不导入该行。这是最稳妥的选择。</translation>
    </message>
    <message>
        <source>&amp;Update the existing contacts</source>
        <translation>更新已有客户(&amp;U)</translation>
    </message>
    <message>
        <source>Fill the contact with the row&apos;s values; empty cells never erase what is there.</source>
        <translation>用该行的值更新已有客户；空白单元格不会清除原有内容。</translation>
    </message>
    <message>
        <source>&amp;Create new contacts anyway</source>
        <translation>仍然新建(&amp;C)</translation>
    </message>
    <message>
        <source>Add every row as another contact, even if that makes duplicates.</source>
        <translation>每一行都新建为一位客户，即使因此产生重复。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Checking {n} rows…</source>
        <translation>正在检查 {n} 行…</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>其他邮箱</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>{new} new contact(s), {matched} match contacts already there, {rejected} row(s) will be rejected.</source>
        <translation>新客户 {new} 位，与已有客户重复 {matched} 位，将拒绝导入 {rejected} 行。</translation>
    </message>
    <message>
        <source>With this choice nothing would be imported.</source>
        <translation>按此选择，不会导入任何内容。</translation>
    </message>
    <message>
        <source>{n} warning(s) about values in the rows; see below.</source>
        <translation>另有 {n} 条关于单元格内容的提醒，详见下表。</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>Encrypt the database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <source>The database file will be encrypted (SQLCipher). Every start then asks for this passphrase. Without the passphrase or the recovery key shown next, the data cannot be read by anyone, including you.</source>
        <translation>数据库文件将被加密（SQLCipher）。此后每次启动都会要求输入此口令。没有口令或接下来显示的恢复密钥，任何人（包括您自己）都无法读取数据。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>口令至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Membership level</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>&amp;All contacts</source>
        <translation>全部客户(&amp;A)</translation>
    </message>
    <message>
        <source>The &amp;selected contacts ({n})</source>
        <translation>选中的客户(&amp;S)（{n} 位）</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV（适用于 Excel）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>vCard (one file)</source>
        <translation>vCard（单个文件）</translation>
    </message>
    <message>
        <source>vCard (one file per contact, zip)</source>
        <translation>vCard（每位客户一个文件，zip 压缩包）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>The contacts the current &amp;search finds (no search on the Contacts tab)</source>
        <translation>当前搜索结果中的客户(&amp;S)（“客户”页没有搜索条件）</translation>
    </message>
    <message>
        <source>The contacts the current &amp;search finds (the Contacts tab&apos;s filters)</source>
        <translation>当前搜索结果中的客户(&amp;S)（“客户”页的筛选条件）</translation>
    </message>
    <message>
        <source>The contacts the current &amp;search finds (“{text}”)</source>
        <translation>当前搜索结果中的客户(&amp;S)（“{text}”）</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {n} contacts to {path}</source>
        <translation>已导出 {n} 位客户到 {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>Export contacts to</source>
        <translation>导出客户到</translation>
    </message>
    <message>
        <source>CSV, Excel or vCard (*.csv *.xlsx *.vcf *.zip)</source>
        <translation>CSV、Excel 或 vCard (*.csv *.xlsx *.vcf *.zip)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A CSV or text file, an Excel or WPS workbook (xlsx, xls, ods), or vCards from a phone (one file or a zip). A title above the column names is passed over.</source>
        <translation>CSV 或文本文件、Excel 或 WPS 表格（xlsx、xls、ods），或手机导出的 vCard 名片（单个文件或 zip）。列名上方的标题会被跳过。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file with Browse…, or type its path</source>
        <translation>点击“浏览…”选择文件，或输入文件路径</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>with byte-order mark</source>
        <translation>带 BOM</translation>
    </message>
    <message>
        <source>Simplified Chinese, GBK</source>
        <translation>简体中文，GBK</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <source>Western European, Windows</source>
        <translation>西欧语言，Windows</translation>
    </message>
    <message>
        <source>Western European</source>
        <translation>西欧语言</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>{rows} rows and {columns} columns found. The first rows:</source>
        <translation>共 {rows} 行、{columns} 列。前几行如下：</translation>
    </message>
    <message>
        <source>Sheet read: {sheet}</source>
        <translation>读取的工作表：{sheet}</translation>
    </message>
    <message>
        <source>{n} rows cannot be read; they will be listed with the rows refused.</source>
        <translation>有 {n} 行无法读取，将与被拒绝的行一并列出。</translation>
    </message>
    <message>
        <source>Detected: {encoding}</source>
        <translation>识别为：{encoding}</translation>
    </message>
    <message>
        <source>Import contacts from</source>
        <translation>从文件导入客户</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.txt *.tsv *.xlsx *.xls *.ods *.vcf *.zip)</source>
        <translation>客户文件 (*.csv *.txt *.tsv *.xlsx *.xls *.ods *.vcf *.zip)</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>编辑跟进</translation>
    </message>
    <message>
        <source>Plan a follow-up</source>
        <translation>安排跟进</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>At the time</source>
        <translation>准时提醒</translation>
    </message>
    <message>
        <source>10 minutes before</source>
        <translation>提前 10 分钟</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>不限次数</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>当前打开：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>From the next start Zhanggui CRM opens the database in this folder (unless another one is named on the command line). A folder without one first receives a verified copy of the database open now.</source>
        <translation>下次启动起，掌柜 CRM 将打开此文件夹中的数据库（命令行另行指定数据库时除外）。若该文件夹中还没有数据库，将先把当前数据库复制一份（已校验）过去。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>IcsTransfer</name>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>日历文件</translation>
    </message>
    <message>
        <source>Import or export follow-ups as iCalendar (.ics)</source>
        <translation>以 iCalendar（.ics）格式导入或导出跟进</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>导入 .ics…</translation>
    </message>
    <message>
        <source>Export the shown dates…</source>
        <translation>导出当前显示的日期…</translation>
    </message>
    <message>
        <source>Export all follow-ups…</source>
        <translation>导出全部跟进…</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) exported to {path}</source>
        <translation>
            <numerusform>已导出 %n 项跟进到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar imported: {created} new, {updated} updated, {skipped} skipped.</source>
        <translation>日历已导入：新增 {created} 项，更新 {updated} 项，跳过 {skipped} 项。</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Undo an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undoing an import removes the contacts it added (contacts with follow-ups, tickets or purchases since are moved to the trash instead) and gives the contacts it updated their old values back.</source>
        <translation>撤销导入会删除该次导入新增的客户（之后已有跟进、工单或购买记录的客户改为移入回收站），并将被更新的客户恢复为原来的内容。</translation>
    </message>
    <message>
        <source>No contacts have been imported into this database yet.</source>
        <translation>此数据库尚未导入过客户。</translation>
    </message>
    <message>
        <source>Yes, undo the selected import</source>
        <translation>确认撤销所选的导入</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <source>Undoing the import of {file}…</source>
        <translation>正在撤销 {file} 的导入…</translation>
    </message>
    <message>
        <source>Import undone: {removed} removed, {trashed} moved to the trash, {restored} restored</source>
        <translation>已撤销导入：删除 {removed} 位，移入回收站 {trashed} 位，恢复 {restored} 位</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>导入客户</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>New leads</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Contacts first recorded in the period, by lead source.</source>
        <translation>期间内新登记的联系人，按线索来源。</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Conversion rate = contacts recorded in the period who became customers ÷ contacts recorded in the period; below it the median days from first record to customer.</source>
        <translation>转化率 = 期间内新登记且成为客户的联系人 ÷ 期间内新登记的联系人；下方为从登记到成交的天数中位数。</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <source>Customers whose last purchase falls in the period.</source>
        <translation>最近一次购买在期间内的客户。</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Sum of the purchases made in the period.</source>
        <translation>期间内所有购买的金额合计。</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买笔数</translation>
    </message>
    <message>
        <source>Number of purchases made in the period.</source>
        <translation>期间内的购买笔数。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>客户保持率</translation>
    </message>
    <message>
        <source>Retention rate = customers kept ÷ customers at the period start (kept: not churned by the period end).</source>
        <translation>客户保持率 = 保留的客户数 ÷ 期初客户数（保留：期末前未流失）。</translation>
    </message>
    <message>
        <source>Churn (absolute)</source>
        <translation>绝对流失率</translation>
    </message>
    <message>
        <source>Absolute churn rate = customers churned in the period ÷ all customers at the period start.</source>
        <translation>绝对流失率 = 期间内流失的客户数 ÷ 期初全部客户数。</translation>
    </message>
    <message>
        <source>Churn (relative)</source>
        <translation>相对流失率</translation>
    </message>
    <message>
        <source>Relative churn rate = Σ over the churned customers of their share of revenue = their revenue ÷ the revenue of all customers at the period start.</source>
        <translation>相对流失率 = Σ 流失客户各自的营业额占比 = 流失客户的营业额 ÷ 期初全部客户的营业额。</translation>
    </message>
    <message>
        <source>Average CLV</source>
        <translation>平均客户终身价值</translation>
    </message>
    <message>
        <source>Customer lifetime value = average order value × purchases a year × expected lifespan × margin (settings analytics.margin_pct and analytics.lifespan_years).</source>
        <translation>客户终身价值 = 平均客单价 × 年购买次数 × 预期生命周期 × 毛利率（设置 analytics.margin_pct 与 analytics.lifespan_years）。</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Customers whose churn risk score reaches the threshold (setting analytics.risk_threshold). The score adds points for a purchase overdue against the customer&apos;s own interval, fewer orders and less spend than the half-year before, open complaints, low satisfaction and no contact.</source>
        <translation>流失风险分达到阈值的客户（设置 analytics.risk_threshold）。评分来自：相对客户自身购买间隔的逾期、比前半年购买次数和金额下降、未解决的投诉、满意度低以及久未联系。</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <source>Tickets new, in progress or waiting, now.</source>
        <translation>当前新建、处理中或等待中的工单。</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA 达标率</translation>
    </message>
    <message>
        <source>Tickets resolved in the period within their resolution target ÷ tickets resolved in the period.</source>
        <translation>期间内按时解决的工单 ÷ 期间内解决的工单。</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度 CSAT</translation>
    </message>
    <message>
        <source>Average satisfaction score (1–5) of the answers of the period.</source>
        <translation>期间内回访满意度（1–5 分）的平均值。</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <source>Net promoter score = (promoters 9–10 − detractors 0–6) ÷ answers × 100.</source>
        <translation>净推荐值 = （推荐者 9–10 分 − 贬损者 0–6 分）÷ 回答数 × 100。</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>已完成跟进</translation>
    </message>
    <message>
        <source>Follow-ups due in the period that are done, of all due in it.</source>
        <translation>期间内到期的跟进中已完成的数量 / 全部到期数量。</translation>
    </message>
    <message>
        <source>median {days} days</source>
        <translation>中位数 {days} 天</translation>
    </message>
    <message>
        <source>{kept} of {start} kept</source>
        <translation>期初 {start} 人，保留 {kept} 人</translation>
    </message>
    <message>
        <source>{n} churned</source>
        <translation>流失 {n} 人</translation>
    </message>
    <message>
        <source>of revenue</source>
        <translation>按营业额加权</translation>
    </message>
    <message>
        <source>margin {m}%</source>
        <translation>毛利率 {m}%</translation>
    </message>
    <message>
        <source>done / due</source>
        <translation>完成 / 到期</translation>
    </message>
    <message>
        <source>score ≥ {t}</source>
        <translation>风险分 ≥ {t}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Phone enquiry</source>
        <translation>电话咨询</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>WeChat/SMS</source>
        <translation>微信/短信</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Care greeting</source>
        <translation>关怀问候</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Technical support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Earn</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Expire</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Phone callback</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Slow response</source>
        <translation>响应太慢</translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation>转投竞争对手</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <source>see every customer</source>
        <translation>查看所有客户</translation>
    </message>
    <message>
        <source>see phone numbers</source>
        <translation>查看电话号码</translation>
    </message>
    <message>
        <source>add and edit customers</source>
        <translation>新建和编辑客户</translation>
    </message>
    <message>
        <source>delete and merge customers</source>
        <translation>删除与合并客户</translation>
    </message>
    <message>
        <source>import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>export all customers</source>
        <translation>导出全部客户</translation>
    </message>
    <message>
        <source>work on service tickets</source>
        <translation>处理售后工单</translation>
    </message>
    <message>
        <source>record sales and points</source>
        <translation>登记消费和积分</translation>
    </message>
    <message>
        <source>adjust points by hand</source>
        <translation>手动调整积分</translation>
    </message>
    <message>
        <source>manage the rewards catalogue</source>
        <translation>管理礼品目录</translation>
    </message>
    <message>
        <source>change earning rules and member levels</source>
        <translation>修改积分规则和会员等级</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>erase personal data</source>
        <translation>删除个人数据</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Zhanggui CRM</source>
        <translation>欢迎使用掌柜 CRM</translation>
    </message>
    <message>
        <source>Choose the language; you can change it later in the settings.</source>
        <translation>请选择语言；以后可以在设置中更改。</translation>
    </message>
    <message>
        <source>Customers, follow-ups, after-sales service and loyalty, on your own computer. A few questions and you are ready to start.</source>
        <translation>客户、跟进、售后服务与会员积分，都在您自己的电脑上。回答几个问题，即可开始使用。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
<context>
    <name>LevelsDialog</name>
    <message>
        <source>Membership levels</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>12-month spend from (¥)</source>
        <translation>近 12 个月消费满（元）</translation>
    </message>
    <message>
        <source>or points from</source>
        <translation>或积分满</translation>
    </message>
    <message>
        <source>Points multiplier %</source>
        <translation>积分倍率 %</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>删除等级</translation>
    </message>
</context>
<context>
    <name>LoyaltyModel</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>30 天内过期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points needed</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>LoyaltyTab</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Rewards catalogue</source>
        <translation>礼品目录</translation>
    </message>
    <message>
        <source>Search member name, pinyin or phone… (Ctrl+F)</source>
        <translation>搜索会员姓名、拼音或电话…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search rewards… (Ctrl+F)</source>
        <translation>搜索礼品…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>显示回收站</translation>
    </message>
    <message>
        <source>Record sale…</source>
        <translation>登记销售…</translation>
    </message>
    <message>
        <source>Points rules…</source>
        <translation>积分规则…</translation>
    </message>
    <message>
        <source>Levels…</source>
        <translation>会员等级…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>积分对账单…</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>积分兑换…</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s)</source>
        <translation>
            <numerusform>%n 个礼品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位会员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore a bac&amp;kup…</source>
        <translation>恢复备份(&amp;K)…</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport contacts…</source>
        <translation>导出客户(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Undo an import…</source>
        <translation>撤销导入(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restore from trash</source>
        <translation>从回收站恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Zhanggui CRM</source>
        <translation>关于掌柜 CRM(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Zhanggui CRM {version}&lt;/b&gt;&lt;p&gt;Customers, follow-ups, after-sales service and loyalty for small businesses, on your own computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;掌柜 CRM {version}&lt;/b&gt;&lt;p&gt;为小微企业打造的客户、跟进、售后服务与会员积分管理，数据保存在您自己的电脑上。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Zhanggui CRM</source>
        <translation>关于掌柜 CRM</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Zhanggui CRM — {db}</source>
        <translation>掌柜 CRM — {db}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Follow-up calendar</source>
        <translation>跟进日历</translation>
    </message>
    <message>
        <source>Service tickets</source>
        <translation>售后工单</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>会员积分</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>Opening {db}…</source>
        <translation>正在打开 {db}…</translation>
    </message>
</context>
<context>
    <name>MemberPane</name>
    <message>
        <source>Earn…</source>
        <translation>积分入账…</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>积分兑换…</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>积分调整…</translation>
    </message>
    <message>
        <source>Record sale…</source>
        <translation>登记销售…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>积分对账单…</translation>
    </message>
    <message>
        <source>Void sale…</source>
        <translation>作废销售…</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>No member selected</source>
        <translation>未选择会员</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <source>{points} points expire within 30 days</source>
        <translation>{points} 积分将在 30 天内过期</translation>
    </message>
    <message>
        <source>Choose the sale to void in the purchases list.</source>
        <translation>请在消费记录中选择要作废的销售。</translation>
    </message>
    <message>
        <source>This sale is already voided.</source>
        <translation>这笔销售已经作废。</translation>
    </message>
    <message>
        <source>Statement saved to {path}</source>
        <translation>对账单已保存到 {path}</translation>
    </message>
    <message>
        <source>statement {name}.pdf</source>
        <translation>积分对账单 {name}.pdf</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>保存对账单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Sale recorded: {points} points earned.</source>
        <translation>销售已登记：获得 {points} 积分。</translation>
    </message>
    <message>
        <source>New level: {level}.</source>
        <translation>新等级：{level}。</translation>
    </message>
    <message>
        <source>Sale voided: {points} points taken back.</source>
        <translation>销售已作废：扣回 {points} 积分。</translation>
    </message>
    <message>
        <source>{points} points had already been spent.</source>
        <translation>其中 {points} 积分已被使用。</translation>
    </message>
</context>
<context>
    <name>MemberStatement</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初积分</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末积分</translation>
    </message>
    <message>
        <source>Spent in the period</source>
        <translation>期间消费</translation>
    </message>
    <message>
        <source>Expiring by {date}</source>
        <translation>{date} 前到期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points statement</source>
        <translation>积分对账单</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Keep this contact (the others go to the trash):</source>
        <translation>保留此客户（其余客户移入回收站）：</translation>
    </message>
    <message>
        <source>Where the contacts differ, choose the value to keep. Interactions, follow-ups, tickets, purchases and points all move to the kept contact.</source>
        <translation>在各客户不一致的字段中选择要保留的值。互动记录、跟进、工单、购买记录和积分都会转到保留的客户名下。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Other email</source>
        <translation>备用邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Lead source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Channel / campaign</source>
        <translation>渠道 / 活动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>请勿联系</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位客户</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Merged into %1; the others are in the trash. To undo, open Find duplicates… and click Undo last merge.</source>
        <translation>已合并到“%1”，其余客户已移入回收站。如需撤销，请打开“查找重复客户…”并点击“撤销上次合并”。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>A name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The name is too long (over 200 characters).</source>
        <translation>姓名太长（超过 200 个字符）。</translation>
    </message>
    <message>
        <source>Give both month and day of the birthday.</source>
        <translation>请同时填写生日的月和日。</translation>
    </message>
    <message>
        <source>This birthday is not a real date.</source>
        <translation>这个生日不是有效日期。</translation>
    </message>
    <message>
        <source>Look between 0 and 90 days ahead.</source>
        <translation>请选择 0 到 90 天之内。</translation>
    </message>
    <message>
        <source>Write the greeting first.</source>
        <translation>请先写好祝福语。</translation>
    </message>
    <message>
        <source>The birthday is in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>Give both lunar month and day.</source>
        <translation>请同时填写农历月和日。</translation>
    </message>
    <message>
        <source>A lunar month is 1–12 and a lunar day 1–30.</source>
        <translation>农历月为 1–12，农历日为 1–30。</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>The time has no time zone.</source>
        <translation>时间缺少时区。</translation>
    </message>
    <message>
        <source>The duration must be between 1 minute and 14 days.</source>
        <translation>时长须在 1 分钟到 14 天之间。</translation>
    </message>
    <message>
        <source>The reminder cannot come after the follow-up.</source>
        <translation>提醒不能晚于跟进时间。</translation>
    </message>
    <message>
        <source>The repetition rule is not valid.</source>
        <translation>重复规则无效。</translation>
    </message>
    <message>
        <source>Write what happened.</source>
        <translation>请填写沟通内容。</translation>
    </message>
    <message>
        <source>A subject is required.</source>
        <translation>请填写主题。</translation>
    </message>
    <message>
        <source>A ticket cannot go from {current} to {target}.</source>
        <translation>工单不能从“{current}”变为“{target}”。</translation>
    </message>
    <message>
        <source>Choose the reason for the complaint.</source>
        <translation>请选择投诉原因。</translation>
    </message>
    <message>
        <source>Give at least one score.</source>
        <translation>请至少给出一项评分。</translation>
    </message>
    <message>
        <source>CSAT is a score from 1 to 5.</source>
        <translation>满意度（CSAT）评分为 1 到 5。</translation>
    </message>
    <message>
        <source>NPS is a score from 0 to 10.</source>
        <translation>推荐度（NPS）评分为 0 到 10。</translation>
    </message>
    <message>
        <source>A survey follows a resolved or closed ticket.</source>
        <translation>只有已解决或已关闭的工单才能录入满意度调查。</translation>
    </message>
    <message>
        <source>Enter a number of points above zero.</source>
        <translation>请输入大于零的积分数。</translation>
    </message>
    <message>
        <source>An adjustment of zero points changes nothing.</source>
        <translation>调整 0 积分没有任何变化。</translation>
    </message>
    <message>
        <source>Not enough points: the balance is {balance}, {needed} needed.</source>
        <translation>积分不足：余额 {balance}，需要 {needed}。</translation>
    </message>
    <message>
        <source>An adjustment needs a reason.</source>
        <translation>积分调整必须填写原因。</translation>
    </message>
    <message>
        <source>The cost must be at least 1 point.</source>
        <translation>所需积分至少为 1。</translation>
    </message>
    <message>
        <source>Stock cannot be negative.</source>
        <translation>库存不能为负数。</translation>
    </message>
    <message>
        <source>This reward is no longer offered.</source>
        <translation>该礼品已下架。</translation>
    </message>
    <message>
        <source>This reward is out of stock.</source>
        <translation>该礼品已无库存。</translation>
    </message>
    <message>
        <source>This record no longer exists; someone may have deleted it.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>不是有效数字。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Use at most two decimals.</source>
        <translation>最多保留两位小数。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>Choose why the customer left.</source>
        <translation>请选择客户流失的原因类型。</translation>
    </message>
    <message>
        <source>The value is out of range (see the limits in the help text).</source>
        <translation>数值超出范围（范围见说明文字）。</translation>
    </message>
    <message>
        <source>Enter a probability between 0 and 100 %.</source>
        <translation>请输入 0 到 100 % 之间的概率。</translation>
    </message>
    <message>
        <source>A prospect is further on than a lead: its probability cannot be lower.</source>
        <translation>潜在客户比线索更进一步：其成交概率不能更低。</translation>
    </message>
    <message>
        <source>The reason is too long (at most 2,000 characters).</source>
        <translation>原因太长（最多 2,000 个字符）。</translation>
    </message>
    <message>
        <source>Choose at least one customer.</source>
        <translation>请至少选择一位客户。</translation>
    </message>
    <message>
        <source>Give the follow-ups a title.</source>
        <translation>请填写跟进标题。</translation>
    </message>
    <message>
        <source>Snooze for between 1 minute and a day.</source>
        <translation>稍后提醒的时间须在 1 分钟到 1 天之间。</translation>
    </message>
    <message>
        <source>Name each date.</source>
        <translation>请为每个日期填写名称。</translation>
    </message>
    <message>
        <source>This is not a real day of the year.</source>
        <translation>这一天在日历上不存在。</translation>
    </message>
    <message>
        <source>At most 100 dates of your own.</source>
        <translation>自定义日期最多 100 个。</translation>
    </message>
    <message>
        <source>A file to attach may be at most 25 MB.</source>
        <translation>附件最大 25 MB。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The linked purchase belongs to another customer.</source>
        <translation>所选购买记录属于其他客户。</translation>
    </message>
    <message>
        <source>An SLA target is between 1 minute and 60 days.</source>
        <translation>服务时限须在 1 分钟到 60 天之间。</translation>
    </message>
    <message>
        <source>The first response cannot be due after the resolution.</source>
        <translation>首次响应时限不能晚于解决时限。</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters without spaces.</source>
        <translation>用户名为 1 到 64 个字符，不含空格。</translation>
    </message>
    <message>
        <source>A password is required.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>This user name is taken.</source>
        <translation>此用户名已被使用。</translation>
    </message>
    <message>
        <source>The database is open read-only: the change was not saved.</source>
        <translation>数据库以只读方式打开：修改没有保存。</translation>
    </message>
    <message>
        <source>The database is busy in another program; try again in a moment.</source>
        <translation>数据库正被其他程序占用，请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. Free some space and try again.</source>
        <translation>磁盘已满：修改未保存。请释放空间后重试。</translation>
    </message>
    <message>
        <source>The database cannot be written (read-only file or folder).</source>
        <translation>数据库无法写入（文件或文件夹为只读）。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>{path} is encrypted: give its passphrase (--passphrase-file FILE or CRM_PASSPHRASE).</source>
        <translation>{path} 已加密：请提供口令（--passphrase-file 文件 或 CRM_PASSPHRASE）。</translation>
    </message>
    <message>
        <source>The passphrase is wrong for {path}.</source>
        <translation>{path} 的口令不正确。</translation>
    </message>
    <message>
        <source>The database is being encrypted; it opens again when that is done.</source>
        <translation>数据库正在加密；完成后会重新打开。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this account is locked for {minutes} more minutes, or until the owner unlocks it.</source>
        <translation>登录失败次数过多：此账户将再锁定 {minutes} 分钟，或直到店主解锁。</translation>
    </message>
    <message>
        <source>The last owner keeps the role and the account: make another owner first.</source>
        <translation>最后一位店主不能更改角色或停用：请先设置另一位店主。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>Your role does not allow this ({permission}).</source>
        <translation>您的角色无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <source>The recovery key does not open {path}.</source>
        <translation>此恢复密钥无法打开 {path}。</translation>
    </message>
    <message>
        <source>The key file {path} is missing or damaged: {reason}</source>
        <translation>密钥文件 {path} 缺失或已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path} is already encrypted.</source>
        <translation>{path} 已经加密。</translation>
    </message>
    <message>
        <source>There is no plaintext database at {path} to encrypt.</source>
        <translation>{path} 处没有可加密的明文数据库。</translation>
    </message>
    <message>
        <source>The database could not be encrypted and was left as it was ({reason}); a plaintext backup is kept at {backup}.</source>
        <translation>数据库未能加密，已保持原样（{reason}）；明文备份保存在 {backup}。</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>口令至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The database did not pass its integrity check; nothing was changed.</source>
        <translation>数据库未通过完整性检查；未做任何更改。</translation>
    </message>
    <message>
        <source>the encrypted copy did not pass its integrity check</source>
        <translation>加密副本未通过完整性检查</translation>
    </message>
    <message>
        <source>the encrypted copy of table {table} differs</source>
        <translation>表 {table} 的加密副本与原表不一致</translation>
    </message>
    <message>
        <source>The database already holds contacts; demo data goes into an empty database.</source>
        <translation>数据库中已有客户；演示数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>The backup cannot be restored: {problems}</source>
        <translation>无法恢复该备份：{problems}</translation>
    </message>
    <message>
        <source>The restored database did not verify; the previous one is kept at {kept}.</source>
        <translation>恢复后的数据库校验未通过；原数据库保存在 {kept}。</translation>
    </message>
    <message>
        <source>The backup did not verify: {problems}</source>
        <translation>备份校验未通过：{problems}</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Zhanggui CRM (schema {rev}); please update the app.</source>
        <translation>该数据库由更新版本的掌柜 CRM 创建（结构版本 {rev}），请先升级软件。</translation>
    </message>
    <message>
        <source>The upgrade would break {n} references between records; nothing was changed.</source>
        <translation>升级会破坏 {n} 处记录之间的关联，未做任何修改。</translation>
    </message>
    <message>
        <source>The schema upgrade failed and was rolled back; the database was left as it was: {reason}</source>
        <translation>数据库结构升级失败，已全部回滚，数据库保持原样：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a Zhanggui CRM database (not an SQLite file).</source>
        <translation>{path} 不是掌柜 CRM 数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}) and there is no good backup of it.</source>
        <translation>数据库 {path} 已损坏（{problem}），且没有它的完好备份。</translation>
    </message>
    <message>
        <source>This read-only database needs an upgrade by this version of the app; open it where it can be written.</source>
        <translation>这个只读数据库需要由本版本程序升级；请在可写入的位置打开它。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}). The newest good backup is {backup}.</source>
        <translation>数据库 {path} 已损坏（{problem}）。最新的完好备份是 {backup}。</translation>
    </message>
    <message>
        <source>This change is not a merge.</source>
        <translation>此操作不是合并，无法在此撤销。</translation>
    </message>
    <message>
        <source>This merge was already undone.</source>
        <translation>这次合并已经撤销过了。</translation>
    </message>
    <message>
        <source>Choose at least one other contact to merge into this one.</source>
        <translation>请至少选择一个要合并到此客户的其他客户。</translation>
    </message>
    <message>
        <source>Only contacts that are not in the trash can be merged.</source>
        <translation>只能合并不在回收站中的客户。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be read; it was left out.</source>
        <translation>“{value}”无法读取，已略去。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (write it as 1990-05-17 or --05-17); it was left out.</source>
        <translation>“{value}”不是日期（请写成 1990-05-17 或 --05-17），已略去。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; could be day/month or month/day (write it as 1990-05-17); it was left out.</source>
        <translation>“{value}”可能是日/月，也可能是月/日（请写成 1990-05-17），已略去。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a lunar month and day (write it as 08-15 or 闰04-10); it was left out.</source>
        <translation>“{value}”不是农历月日（请写成 08-15 或 闰04-10），已略去。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the choices for {field}; it was left out.</source>
        <translation>“{value}”不是“{field}”的可选值，已略去。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no; it was left out.</source>
        <translation>“{value}”不是“是”或“否”，已略去。</translation>
    </message>
    <message>
        <source>Cells beyond the header&apos;s columns were left out on {count} line(s): {lines}.</source>
        <translation>有 {count} 行超出表头列数的单元格已略去：第 {lines} 行。</translation>
    </message>
    <message>
        <source>Line {lines} above the header row was left out.</source>
        <translation>表头上方的第 {lines} 行已略去。</translation>
    </message>
    <message>
        <source>Lines {lines} above the header row were left out.</source>
        <translation>表头上方的第 {lines} 行已略去。</translation>
    </message>
    <message>
        <source>The birthday was left out: it is not a real date or it lies in the future.</source>
        <translation>生日已略去：这不是真实的日期，或者是将来的日期。</translation>
    </message>
    <message>
        <source>The card starting on line {line} cannot be read: {reason}.</source>
        <translation>从第 {line} 行开始的名片无法读取：{reason}。</translation>
    </message>
    <message>
        <source>The card starting on line {line} ({member}) cannot be read: {reason}.</source>
        <translation>从第 {line} 行开始的名片（{member}）无法读取：{reason}。</translation>
    </message>
    <message>
        <source>The email &apos;{value}&apos; is not valid; it was kept as typed and flagged.</source>
        <translation>邮箱“{value}”无效，已按原样保留并标记。</translation>
    </message>
    <message>
        <source>The lunar birthday was left out: a lunar month is 1–12 and a lunar day 1–30.</source>
        <translation>农历生日已略去：农历月份为 1–12，日期为 1–30。</translation>
    </message>
    <message>
        <source>The phone &apos;{value}&apos; is not a valid number; it was kept as typed and flagged.</source>
        <translation>电话“{value}”不是有效号码，已按原样保留并标记。</translation>
    </message>
    <message>
        <source>The same contact as line {earlier}; the row was skipped.</source>
        <translation>与第 {earlier} 行是同一客户，此行已跳过。</translation>
    </message>
    <message>
        <source>The second phone &apos;{value}&apos; is not a valid number; it was kept as typed and flagged.</source>
        <translation>第二个电话“{value}”不是有效号码，已按原样保留并标记。</translation>
    </message>
    <message>
        <source>The row has no name; a contact needs one.</source>
        <translation>此行没有姓名，客户必须有姓名。</translation>
    </message>
    <message>
        <source>The ID &apos;{value}&apos; is not a contact ID of this program; it was kept in the notes.</source>
        <translation>编号“{value}”不是本程序的客户 ID，已保留在备注中。</translation>
    </message>
    <message>
        <source>&apos;{encoding}&apos; is not a text encoding this program knows.</source>
        <translation>“{encoding}”不是本程序认识的文本编码。</translation>
    </message>
    <message>
        <source>An .xlsx sheet holds at most {limit} rows; export to CSV instead.</source>
        <translation>一个 .xlsx 工作表最多只能容纳 {limit} 行，请改为导出 CSV。</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}.</source>
        <translation>无法打开 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot tell the format from {name}: end it in .csv, .xlsx, .vcf or .zip, or give --format.</source>
        <translation>无法从 {name} 判断格式：请以 .csv、.xlsx、.vcf 或 .zip 结尾，或指定 --format。</translation>
    </message>
    <message>
        <source>Cannot tell the text encoding of the file; choose one.</source>
        <translation>无法判断文件的文本编码，请选择一种编码。</translation>
    </message>
    <message>
        <source>Contact {number} has a cell longer than the 32,767 characters an .xlsx cell can hold; export to CSV instead.</source>
        <translation>第 {number} 位客户有一个单元格超过了 .xlsx 单元格可容纳的 32,767 个字符，请改为导出 CSV。</translation>
    </message>
    <message>
        <source>The file is not valid {encoding} text (byte {position} does not fit); choose another encoding.</source>
        <translation>该文件不是有效的 {encoding} 文本（第 {position} 个字节不符合），请选择其他编码。</translation>
    </message>
    <message>
        <source>The record starting on line {line} cannot be read: {reason}.</source>
        <translation>第 {line} 行开始的记录无法读取：{reason}。</translation>
    </message>
    <message>
        <source>The sheet {sheet} of {file} is empty.</source>
        <translation>{file} 中的工作表 {sheet} 是空的。</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>There is no such import to undo.</source>
        <translation>没有这次导入，无法撤销。</translation>
    </message>
    <message>
        <source>There is no contact with the id {uuid}.</source>
        <translation>没有编号为 {uuid} 的客户。</translation>
    </message>
    <message>
        <source>Choose what the consent is for.</source>
        <translation>请选择授权的用途。</translation>
    </message>
    <message>
        <source>Choose how the consent was given.</source>
        <translation>请选择授权的方式。</translation>
    </message>
    <message>
        <source>Keep the note under 300 characters.</source>
        <translation>备注请少于 300 个字符。</translation>
    </message>
    <message>
        <source>The retention period is a whole number of years, at least 1.</source>
        <translation>保存期限为整数年，至少 1 年。</translation>
    </message>
    <message>
        <source>Export the audit trail as a .csv or .xlsx file.</source>
        <translation>审计日志请导出为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>This import was undone already.</source>
        <translation>这次导入已经撤销过了。</translation>
    </message>
    <message>
        <source>Unknown export format {fmt}: use csv, xlsx, vcf or vcf-zip.</source>
        <translation>未知的导出格式 {fmt}：请使用 csv、xlsx、vcf 或 vcf-zip。</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet}.</source>
        <translation>{file} 中没有名为 {sheet} 的工作表。</translation>
    </message>
    <message>
        <source>{file} has no sheet with data.</source>
        <translation>{file} 中没有含数据的工作表。</translation>
    </message>
    <message>
        <source>{file} holds binary data, not text: it is not a CSV file.</source>
        <translation>{file} 是二进制数据而不是文本，不是 CSV 文件。</translation>
    </message>
    <message>
        <source>{file} holds no header row: the file is empty.</source>
        <translation>{file} 没有表头行：文件是空的。</translation>
    </message>
    <message>
        <source>{file} holds no vCard (there is no BEGIN:VCARD line).</source>
        <translation>{file} 中没有 vCard（没有 BEGIN:VCARD 行）。</translation>
    </message>
    <message>
        <source>{file} is not a file contacts can be imported from (CSV, XLSX, XLS, ODS, vCard or a zip of vCards).</source>
        <translation>{file} 不是可以导入客户的文件（支持 CSV、XLSX、XLS、ODS、vCard 或 vCard 的 zip 压缩包）。</translation>
    </message>
    <message>
        <source>{file} holds no vCard (no .vcf file with a BEGIN:VCARD line).</source>
        <translation>{file} 中没有 vCard（没有含 BEGIN:VCARD 行的 .vcf 文件）。</translation>
    </message>
    <message>
        <source>{file} unpacks to more than {size} MB of cards; unpack it and import the files.</source>
        <translation>{file} 解压后的名片超过 {size} MB；请先解压，再导入其中的文件。</translation>
    </message>
    <message>
        <source>{file} is not a zip file this program can read.</source>
        <translation>{file} 不是本程序能读取的 zip 文件。</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet this program can read ({reason}).</source>
        <translation>{file} 不是本程序能读取的电子表格（{reason}）。</translation>
    </message>
    <message>
        <source>{file} is protected by a password; save a copy without one and try again.</source>
        <translation>{file} 设有密码保护，请另存一份不带密码的副本后再试。</translation>
    </message>
    <message>
        <source>{file} is not an iCalendar file (there is no BEGIN:VCALENDAR line).</source>
        <translation>{file} 不是 iCalendar 日历文件（没有 BEGIN:VCALENDAR 行）。</translation>
    </message>
    <message>
        <source>{file} cannot be read as a calendar: {reason}.</source>
        <translation>无法将 {file} 作为日历读取：{reason}。</translation>
    </message>
    <message>
        <source>The event cannot be read: {reason}.</source>
        <translation>无法读取该日程：{reason}。</translation>
    </message>
    <message>
        <source>The event has no start time (DTSTART); it was skipped.</source>
        <translation>该日程没有开始时间（DTSTART），已跳过。</translation>
    </message>
    <message>
        <source>The follow-up of this event is in the trash; the event was skipped.</source>
        <translation>该日程对应的跟进已在回收站中，已跳过。</translation>
    </message>
    <message>
        <source>The event was skipped: {reason}</source>
        <translation>已跳过该日程：{reason}</translation>
    </message>
    <message>
        <source>Unknown time zone {name}: give one such as Asia/Shanghai.</source>
        <translation>未知的时区 {name}：请使用 Asia/Shanghai 这样的时区。</translation>
    </message>
    <message>
        <source>Enter 0 to 10,000 points.</source>
        <translation>请输入 0 到 10,000 分。</translation>
    </message>
    <message>
        <source>Enter 1 to 100,000 yuan.</source>
        <translation>请输入 1 到 100,000 元。</translation>
    </message>
    <message>
        <source>Enter 0 to 1,000 %.</source>
        <translation>请输入 0 到 1,000 %。</translation>
    </message>
    <message>
        <source>Enter 0 to 1,000,000 points.</source>
        <translation>请输入 0 到 1,000,000 分。</translation>
    </message>
    <message>
        <source>Enter 0 (never) to 240 months.</source>
        <translation>请输入 0（永不过期）到 240 个月。</translation>
    </message>
    <message>
        <source>Choose spend or points.</source>
        <translation>请选择按消费额或按积分。</translation>
    </message>
    <message>
        <source>Keep at least one level.</source>
        <translation>至少保留一个等级。</translation>
    </message>
    <message>
        <source>Every level needs a name.</source>
        <translation>每个等级都需要名称。</translation>
    </message>
    <message>
        <source>Two levels have the same name.</source>
        <translation>有两个等级同名。</translation>
    </message>
    <message>
        <source>The first level must need no spend and no points.</source>
        <translation>最低等级不能设消费或积分门槛。</translation>
    </message>
    <message>
        <source>Each level must need more than the one below it.</source>
        <translation>每个等级的门槛必须高于下一级。</translation>
    </message>
    <message>
        <source>A multiplier must be between 0 and 1,000 %.</source>
        <translation>倍率必须在 0 到 1,000 % 之间。</translation>
    </message>
    <message>
        <source>This customer is in the trash; restore them first.</source>
        <translation>该客户在回收站中，请先恢复。</translation>
    </message>
    <message>
        <source>This sale is already voided.</source>
        <translation>这笔销售已经作废。</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>The time of the sale needs a time zone.</source>
        <translation>销售时间需要时区。</translation>
    </message>
    <message>
        <source>A sale cannot be in the future.</source>
        <translation>销售时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Choose how the customer paid.</source>
        <translation>请选择付款方式。</translation>
    </message>
    <message>
        <source>Say what was sold.</source>
        <translation>请填写卖了什么。</translation>
    </message>
    <message>
        <source>Points and multipliers are whole numbers.</source>
        <translation>积分和倍率须为整数。</translation>
    </message>
    <message>
        <source>This points entry belongs to another member.</source>
        <translation>这条积分记录属于另一位会员。</translation>
    </message>
    <message>
        <source>This points entry is already reversed.</source>
        <translation>这条积分记录已经冲正过。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>This database is open read-only: the file or its folder cannot be written. You can look at everything, but changes cannot be saved.</source>
        <translation>此数据库以只读方式打开：文件或其所在文件夹不可写入。可以查看全部数据，但无法保存修改。</translation>
    </message>
    <message>
        <source>Only {free} MB are free on the disk of this database. Free some space soon: when the disk is full, changes cannot be saved and backups fail.</source>
        <translation>数据库所在磁盘仅剩 {free} MB 可用空间。请尽快清理：磁盘写满后将无法保存修改，备份也会失败。</translation>
    </message>
    <message>
        <source>This database is damaged: its check found errors. Restore a backup to go on safely.</source>
        <translation>此数据库已损坏：检查发现错误。请恢复一个备份后再继续使用。</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Something went wrong. Details were written to the log.</source>
        <translation>出现了问题，详细信息已写入日志。</translation>
    </message>
    <message>
        <source>Zhanggui CRM</source>
        <translation>掌柜 CRM</translation>
    </message>
</context>
<context>
    <name>OccasionModel</name>
    <message>
        <source>Key and potential customers</source>
        <translation>重点和潜力客户</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>OccasionsPage</name>
    <message>
        <source>Occasions in the next</source>
        <translation>未来</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内的场合</translation>
    </message>
    <message>
        <source>Plan greetings</source>
        <translation>安排问候</translation>
    </message>
    <message>
        <source>Own dates…</source>
        <translation>自定义纪念日…</translation>
    </message>
    <message>
        <source>Your own yearly dates to greet customers on, such as the shop&apos;s anniversary</source>
        <translation>每年向客户问候的自定义日期，例如店庆</translation>
    </message>
    <message>
        <source>Greeting for the selected occasion:</source>
        <translation>所选场合的祝福语：</translation>
    </message>
    <message>
        <source>Merge fields: {fields}</source>
        <translation>可用字段：{fields}</translation>
    </message>
    <message>
        <source>Export for SMS…</source>
        <translation>导出短信名单…</translation>
    </message>
    <message>
        <source>Copy for WeChat</source>
        <translation>复制到微信</translation>
    </message>
    <message>
        <source>Dear {name}, warm wishes for {holiday} from all of us!</source>
        <translation>{name}您好！值此{holiday}之际，我们全体同仁祝您幸福安康！</translation>
    </message>
    <message>
        <source>Select an occasion first.</source>
        <translation>请先选择一个场合。</translation>
    </message>
    <message>
        <source>your birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>MMMM d</source>
        <translation>M月d日</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) written to the file.</source>
        <translation>
            <numerusform>已写入 %n 条短信。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied.</source>
        <translation>
            <numerusform>已复制 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>no marketing consent</source>
        <translation>未同意营销</translation>
    </message>
    <message>
        <source>do not contact</source>
        <translation>请勿联系</translation>
    </message>
    <message>
        <source>under 14</source>
        <translation>未满 14 岁</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>没有手机号</translation>
    </message>
    <message>
        <source>{done} Left out — {reasons}.</source>
        <translation>{done} 未包含——{reasons}。</translation>
    </message>
    <message>
        <source>Birthday greeting</source>
        <translation>生日问候</translation>
    </message>
    <message>
        <source>Lunar birthday greeting</source>
        <translation>农历生日问候</translation>
    </message>
    <message>
        <source>{holiday} greeting</source>
        <translation>{holiday}问候</translation>
    </message>
    <message numerus="yes">
        <source>%n greeting(s) planned.</source>
        <translation>
            <numerusform>已安排 %n 项问候。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export greetings for SMS</source>
        <translation>导出短信祝福名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>OwnDatesDialog</name>
    <message>
        <source>Your own dates</source>
        <translation>自定义纪念日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>e.g. Shop anniversary</source>
        <translation>例如：店庆</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>A user name has no spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>The demo data has a user called {name}; choose another name.</source>
        <translation>演示数据中已有名为 {name} 的用户，请换一个名字。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>您的账户</translation>
    </message>
    <message>
        <source>The owner&apos;s account, to sign in with.</source>
        <translation>店主账户，用于登录。</translation>
    </message>
    <message>
        <source>You are the owner: you can do everything and add your staff later. Sign in with this name and password.</source>
        <translation>您是店主：拥有全部权限，以后可以添加员工。请用此用户名和密码登录。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Your name (shown on records):</source>
        <translation>您的姓名（显示在记录上）：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <source>{path} is encrypted. Enter its passphrase to open it.</source>
        <translation>{path} 已加密。请输入口令以打开。</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>改用恢复密钥</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>{entry} points — {name}</source>
        <translation>{entry}积分 — {name}</translation>
    </message>
    <message>
        <source>Current balance</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the balance is corrected</source>
        <translation>为什么调整余额</translation>
    </message>
    <message>
        <source>(points as a discount)</source>
        <translation>（积分抵现）</translation>
    </message>
    <message>
        <source>Redeemed: {name}</source>
        <translation>兑换：{name}</translation>
    </message>
</context>
<context>
    <name>PointsRulesPage</name>
    <message>
        <source>Points earned</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Birthday-month bonus</source>
        <translation>生日月奖励</translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Points expire after</source>
        <translation>积分有效期</translation>
    </message>
    <message>
        <source>Levels follow</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <source>points for every</source>
        <translation>分，每消费</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>spend in the last 12 months</source>
        <translation>近 12 个月消费额</translation>
    </message>
    <message>
        <source>points earned in the last 12 months</source>
        <translation>近 12 个月所得积分</translation>
    </message>
    <message>
        <source>The level multiplier applies to the points of each sale; the birthday bonus is a share of the points before the multiplier; the referral bonus goes to whoever referred the customer, on their first purchase.</source>
        <translation>每笔消费的积分乘以等级倍率；生日月奖励按倍率前的积分计算比例；推荐奖励在被推荐客户首次消费时发给推荐人。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>（忽略）</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Anonymise customers inactive for:</source>
        <translation>匿名化不活跃时间超过以下年限的客户：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> year(s)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Inactive: no purchase, no interaction and not added within that time. Anonymising removes the name, phones, e-mail, address and notes (sales totals and points stay) and cannot be undone. Once set, it is applied every day while the owner has the app open. Off: nobody is anonymised.</source>
        <translation>不活跃：在此期间没有消费、没有互动，也不是新添加的客户。匿名化会删除姓名、电话、邮箱、地址和备注（消费总额和积分保留），且无法撤销。设置后，店主打开软件时每天自动执行一次。关闭：不匿名化任何人。</translation>
    </message>
    <message>
        <source>Anonymise now…</source>
        <translation>立即匿名化…</translation>
    </message>
    <message>
        <source>Yes, anonymise them</source>
        <translation>是，匿名化这些客户</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Retention is off.</source>
        <translation>保留期限已关闭。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) would be anonymised now.</source>
        <translation>
            <numerusform>现在将匿名化 %n 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anonymise %n customer(s) inactive for {years} year(s)? This cannot be undone.</source>
        <translation>
            <numerusform>确定匿名化 %n 位超过 {years} 年不活跃的客户吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymising…</source>
        <translation>正在匿名化…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) anonymised.</source>
        <translation>
            <numerusform>已匿名化 %n 位客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝导入</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Check your choices, then press Finish.</source>
        <translation>请确认您的选择，然后点击“完成”。</translation>
    </message>
    <message>
        <source>Zhanggui CRM opens the database in {folder}.</source>
        <translation>掌柜 CRM 将打开 {folder} 中的数据库。</translation>
    </message>
    <message>
        <source>with demo data</source>
        <translation>含演示数据</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>A new database ({what}) is created in {folder}, with your account {user}.</source>
        <translation>将在 {folder} 中创建新数据库（{what}），并建立您的账户 {user}。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The database is encrypted. Write this recovery key down and keep it apart from the computer: it opens the database if the passphrase is forgotten. It is shown only now.</source>
        <translation>数据库已加密。请抄下此恢复密钥并与电脑分开保管：忘记口令时可用它打开数据库。它只显示这一次。</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>%n 分钟后再提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze all %n min</source>
        <translation>
            <numerusform>全部 %n 分钟后再提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>全部知道了</translation>
    </message>
    <message>
        <source>Missed while closed: {text}</source>
        <translation>关闭期间错过：{text}</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n missed while the app was closed</source>
        <translation>
            <numerusform> — 其中 %n 条在软件关闭期间到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — the newest %n listed</source>
        <translation>
            <numerusform> — 列出最新的 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Zhanggui CRM</source>
        <translation>掌柜 CRM</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n 条跟进到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder: {text}</source>
        <translation>提醒：{text}</translation>
    </message>
    <message>
        <source>Zhanggui CRM reminder</source>
        <translation>掌柜 CRM 提醒</translation>
    </message>
</context>
<context>
    <name>RestoreWizard</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Choose a backup to go back to. The current database is kept aside (not deleted), the backup is checked, brought up to date and opened.</source>
        <translation>选择要恢复到的备份。当前数据库会另存一旁（不会删除），备份经过检查、升级后打开。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <source>There are no backups yet. One is taken each time the app closes.</source>
        <translation>还没有备份。每次关闭程序时会自动备份一次。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>This backup is damaged and cannot be restored: {problem}</source>
        <translation>此备份已损坏，无法恢复：{problem}</translation>
    </message>
    <message>
        <source>Taken {when}. It holds:</source>
        <translation>备份时间 {when}，包含：</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>on closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Service tickets</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>Points entries</source>
        <translation>积分记录</translation>
    </message>
</context>
<context>
    <name>RetierDialog</name>
    <message>
        <source>Re-tier by value</source>
        <translation>按价值调整客户等级</translation>
    </message>
    <message>
        <source>Working out the proposals…</source>
        <translation>正在计算调整建议…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier now</source>
        <translation>当前等级</translation>
    </message>
    <message>
        <source>Proposed tier</source>
        <translation>建议等级</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) would change tier: lifetime value in the top fifth → key; in the fourth, or above the middle and bought recently → potential; not bought for longest → cold; else ordinary.</source>
        <translation>
            <numerusform>%n 位客户的等级将调整：终身价值前 20% → 重点客户；第二个 20%，或中等以上且近期有购买 → 潜力客户；最久未购买 → 休眠客户；其余 → 普通客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) re-tiered.</source>
        <translation>
            <numerusform>已调整 %n 位客户的等级。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <source>Edit reward</source>
        <translation>编辑礼品</translation>
    </message>
    <message>
        <source>New reward</source>
        <translation>新建礼品</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限量</translation>
    </message>
    <message>
        <source>Offered to members</source>
        <translation>向会员提供</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Points needed</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>RfmPanel</name>
    <message>
        <source>Customers by recency and frequency score (5 = best)</source>
        <translation>按最近购买 (R) 与购买频率 (F) 评分的客户数（5 = 最好）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费额</translation>
    </message>
    <message>
        <source>Share of spend</source>
        <translation>消费额占比</translation>
    </message>
    <message>
        <source>Open the segment&apos;s customers…</source>
        <translation>查看该分群的客户…</translation>
    </message>
    <message>
        <source>Recency score (R)</source>
        <translation>最近购买评分 (R)</translation>
    </message>
    <message>
        <source>Frequency score (F)</source>
        <translation>购买频率评分 (F)</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>{v}× the usual gap since the last purchase</source>
        <translation>距上次购买已达平时间隔的 {v} 倍</translation>
    </message>
    <message>
        <source>orders −{v}% on the half-year before</source>
        <translation>购买次数比前半年下降 {v}%</translation>
    </message>
    <message>
        <source>spend −{v}%</source>
        <translation>消费额下降 {v}%</translation>
    </message>
    <message>
        <source>{v} open complaint(s)</source>
        <translation>{v} 个未解决的投诉</translation>
    </message>
    <message>
        <source>low satisfaction (CSAT {v})</source>
        <translation>满意度低（CSAT {v}）</translation>
    </message>
    <message>
        <source>low average satisfaction</source>
        <translation>平均满意度偏低</translation>
    </message>
    <message>
        <source>no contact for {v} days</source>
        <translation>{v} 天未联系</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Win back when E(V) − V3 &gt; C3: E(V) = CLV × (p_stay + (1 − p_stay) × p_win), V3 = CLV × p_stay, p_stay = 1 − risk ÷ 100 (0 for a churned customer); p_win and C3 are settings (analytics.winback_win_pct, analytics.winback_cost_cents).</source>
        <translation>当 E(V) − V3 &gt; C3 时值得挽回：E(V) = CLV × (p_stay + (1 − p_stay) × p_win)，V3 = CLV × p_stay，p_stay = 1 − 风险分 ÷ 100（已流失客户为 0）；p_win 与 C3 为设置项（analytics.winback_win_pct、analytics.winback_cost_cents）。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Why they left</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Churned on</source>
        <translation>流失日期</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>Main reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>The {n} most valuable churned customers; winning back pays for {act}</source>
        <translation>最有价值的已流失客户 {n} 位，其中 {act} 位值得挽回</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>终身价值</translation>
    </message>
    <message>
        <source>E(V) if won back</source>
        <translation>挽回后期望价值 E(V)</translation>
    </message>
    <message>
        <source>V3 without action</source>
        <translation>不挽回的价值 V3</translation>
    </message>
    <message>
        <source>C3 cost</source>
        <translation>挽回成本 C3</translation>
    </message>
    <message>
        <source>Act?</source>
        <translation>是否挽回</translation>
    </message>
    <message>
        <source>Mark churned…</source>
        <translation>标记为流失…</translation>
    </message>
    <message>
        <source>Win-back campaign…</source>
        <translation>发起挽回活动…</translation>
    </message>
    <message>
        <source>{n} of {all} customers at risk (score ≥ {t}); average score {avg}; scored {time}</source>
        <translation>{all} 位客户中 {n} 位有流失风险（风险分 ≥ {t}）；平均风险分 {avg}；评分于 {time}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Everything: users, bulk export, points rules and levels, privacy and retention, all settings.</source>
        <translation>全部权限：用户、批量导出、积分规则和会员等级、隐私和保留期限、所有设置。</translation>
    </message>
    <message>
        <source>All customers, tickets, sales, points adjustments, rewards and the dashboard; not users, bulk export, points rules and levels, or privacy.</source>
        <translation>所有客户、工单、销售、积分调整、奖品和仪表盘；不含用户管理、批量导出、积分规则和会员等级、隐私。</translation>
    </message>
    <message>
        <source>Their own and shared customers only: edit them, record sales, earn and redeem points. No dashboard (its figures cover every customer), no tickets changes, no settings.</source>
        <translation>仅限自己的和共享的客户：编辑客户、记录销售、积分和兑换。没有仪表盘（其数据涵盖所有客户），不能修改工单，不能更改设置。</translation>
    </message>
    <message>
        <source>All customers with phone numbers masked (138****5678), tickets and their attachments and surveys, the dashboard; no sales or points.</source>
        <translation>所有客户（电话号码隐藏为 138****5678）、工单及其附件和满意度调查、仪表盘；不能记录销售或积分。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>新增：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>更新：</translation>
    </message>
    <message>
        <source>Skipped (already there):</source>
        <translation>跳过（已有客户）：</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>拒绝导入：</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Importing {name}.</source>
        <translation>正在导入 {name}。</translation>
    </message>
    <message>
        <source>Importing {n} contact(s)…</source>
        <translation>正在导入 {n} 位客户…</translation>
    </message>
    <message>
        <source>The import is done. To take it back, use File → Undo an import…</source>
        <translation>导入完成。如需撤回，请使用“文件 → 撤销导入…”。</translation>
    </message>
    <message>
        <source>Imported {name}.</source>
        <translation>已导入 {name}。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：没有导入任何内容。</translation>
    </message>
    <message>
        <source>The import failed, nothing was imported: {reason}</source>
        <translation>导入失败，没有导入任何内容：{reason}</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>导入失败，没有导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}.</source>
        <translation>未从 {name} 导入任何内容。</translation>
    </message>
    <message>
        <source>Save import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The report cannot be written: {reason}</source>
        <translation>无法写入报告：{reason}</translation>
    </message>
    <message>
        <source>Report saved: {n} row(s) in {path}</source>
        <translation>报告已保存：{n} 行，位于 {path}</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Record sale</source>
        <translation>登记销售</translation>
    </message>
    <message>
        <source>(signed-in user)</source>
        <translation>（当前登录用户）</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Amount (¥) *</source>
        <translation>金额（元）*</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>商品说明 *</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>What was sold, e.g. 空气净化器 ×1</source>
        <translation>卖了什么，例如 空气净化器 ×1</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>用户与角色(&amp;U)…</translation>
    </message>
    <message>
        <source>Encrypt the data&amp;base…</source>
        <translation>加密数据库(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费额</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Segment follow-up</source>
        <translation>分群跟进</translation>
    </message>
    <message>
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <source>Plan a follow-up for each</source>
        <translation>为每位客户安排跟进</translation>
    </message>
    <message>
        <source>Follow-up title:</source>
        <translation>跟进标题：</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s), by spend</source>
        <translation>
            <numerusform>共 %n 位客户，按消费额排序</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1)</source>
        <translation>（前 %1 位）</translation>
    </message>
    <message>
        <source>Export to XLSX</source>
        <translation>导出为 XLSX</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) planned over the next week.</source>
        <translation>
            <numerusform>已在未来一周安排 %n 个跟进。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>Move a repeating follow-up</source>
        <translation>移动重复的跟进</translation>
    </message>
    <message>
        <source>“{title}” repeats. Move only this occurrence, or the whole series?</source>
        <translation>“{title}”是重复的跟进。只移动这一次，还是整个系列？</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>仅这一次</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>整个系列</translation>
    </message>
</context>
<context>
    <name>ServicePanel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答卷数</translation>
    </message>
    <message>
        <source>CSAT (1–5)</source>
        <translation>满意度 CSAT（1–5）</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Open tickets: {parts}</source>
        <translation>未结工单：{parts}</translation>
    </message>
    <message>
        <source>Resolved in the period: {n}, within target {pct}</source>
        <translation>本期已解决：{n} 张，按时解决 {pct}</translation>
    </message>
    <message>
        <source>Median first response: {first} working hours · median resolution: {res} working hours</source>
        <translation>首次响应中位数：{first} 个工作小时 · 解决中位数：{res} 个工作小时</translation>
    </message>
    <message>
        <source>Open now: {risk} at risk, {breached} breached</source>
        <translation>当前未结：{risk} 张即将超时，{breached} 张已超时</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Your role may not change these settings.</source>
        <translation>您的角色不能更改这些设置。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Service targets</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Remember me on this PC</source>
        <translation>在这台电脑上记住我</translation>
    </message>
    <message>
        <source>This PC has no secure keyring: the password cannot be remembered safely.</source>
        <translation>这台电脑没有安全的密钥环：无法安全地记住密码。</translation>
    </message>
</context>
<context>
    <name>SlaFormat</name>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩 {span}</translation>
    </message>
    <message>
        <source>{span} over</source>
        <translation>超时 {span}</translation>
    </message>
    <message>
        <source>{text} (paused)</source>
        <translation>{text}（暂停）</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Met in {used} (target {target})</source>
        <translation>{used} 内达标（目标 {target}）</translation>
    </message>
    <message>
        <source>{state}: {left} (target {target})</source>
        <translation>{state}：{left}（目标 {target}）</translation>
    </message>
    <message>
        <source>First response: {text}</source>
        <translation>首次响应：{text}</translation>
    </message>
    <message>
        <source>Resolution: {text}</source>
        <translation>解决：{text}</translation>
    </message>
</context>
<context>
    <name>SlaPage</name>
    <message>
        <source>First response within</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>Resolved within</source>
        <translation>解决时限</translation>
    </message>
    <message>
        <source> working hours</source>
        <translation> 个工作小时</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Counted in working hours (09:00–18:00 on working days, public holidays excepted), paused while a ticket waits for the customer. Shared by everyone working on this database.</source>
        <translation>按工作时间计算（工作日 09:00–18:00，法定节假日除外），工单等待客户期间暂停计时。使用此数据库的所有人共用这些目标。</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>{number}  {subject} — {customer}</source>
        <translation>{number}  {subject} — {customer}</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT 1–5)</source>
        <translation>满意度（CSAT 1–5）</translation>
    </message>
    <message>
        <source>Would recommend (NPS 0–10)</source>
        <translation>推荐意愿（NPS 0–10）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TicketBoard</name>
    <message>
        <source>{status} ({count})</source>
        <translation>{status}（{count}）</translation>
    </message>
    <message>
        <source>The newest {n} are shown</source>
        <translation>仅显示最新的 {n} 条</translation>
    </message>
</context>
<context>
    <name>TicketDetailPane</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category / priority</source>
        <translation>类别 / 优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Survey…</source>
        <translation>满意度调查…</translation>
    </message>
    <message>
        <source>Record the customer&apos;s satisfaction with this ticket</source>
        <translation>记录客户对此工单的满意度</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Comment for the next status change (optional)</source>
        <translation>状态变更备注（可选）</translation>
    </message>
    <message>
        <source>No ticket selected</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>→ {status}</source>
        <translation>→ {status}</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>{clock} — paused while waiting for the customer</source>
        <translation>{clock} — 等待客户期间暂停计时</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>Edit ticket</source>
        <translation>编辑工单</translation>
    </message>
    <message>
        <source>New service ticket</source>
        <translation>新建售后工单</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complaint reason *</source>
        <translation>投诉原因 *</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>关联购买</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Subject *</source>
        <translation>主题 *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>e.g. the air purifier makes a noise</source>
        <translation>例如：空气净化器有异响</translation>
    </message>
    <message>
        <source>(no purchase)</source>
        <translation>（不关联购买）</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>Search subject, customer, description… (Ctrl+F)</source>
        <translation>搜索主题、客户、描述…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>显示回收站</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open (new, in progress, waiting)</source>
        <translation>未结（新建、处理中、等待客户）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Any SLA</source>
        <translation>全部时效</translation>
    </message>
    <message>
        <source>SLA at risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) in the trash</source>
        <translation>
            <numerusform>回收站中有 %n 张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n 张工单</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey saved for {number}.</source>
        <translation>已保存 {number} 的满意度调查。</translation>
    </message>
    <message>
        <source>This ticket cannot go from {current} to {target}.</source>
        <translation>该工单不能从“{current}”变为“{target}”。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>for a new user or a reset: at least 8 characters</source>
        <translation>新用户或重置密码：至少 8 个字符</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <source>Set &amp;role</source>
        <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Deactivate / activate</source>
        <translation>停用 / 启用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Reset &amp;password</source>
        <translation>重置密码(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
</context>
<context>
    <name>VoidSaleDialog</name>
    <message>
        <source>Void sale</source>
        <translation>作废销售</translation>
    </message>
    <message>
        <source>e.g. returned, wrong amount</source>
        <translation>例如：退货、金额录错</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The sale&apos;s points are taken back as far as the balance still holds them.</source>
        <translation>该笔销售的积分会在余额允许的范围内扣回。</translation>
    </message>
</context>
<context>
    <name>WelcomeBanner</name>
    <message>
        <source>Welcome! This database is empty. Load demo data to explore the app with realistic customers, follow-ups, tickets and points, or start with an empty database.</source>
        <translation>欢迎！当前数据库是空的。可以载入演示数据，用逼真的客户、跟进、工单和积分来体验本软件；也可以从空数据库开始。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>Creating the database…</source>
        <translation>正在创建数据库…</translation>
    </message>
    <message>
        <source>Writing demo data: {done} of {total} customers…</source>
        <translation>正在写入演示数据：{done} / {total} 位客户…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was created.</source>
        <translation>已取消：未创建任何内容。</translation>
    </message>
    <message>
        <source>The database could not be created: {error}</source>
        <translation>无法创建数据库：{error}</translation>
    </message>
    <message>
        <source>Welcome to Zhanggui CRM</source>
        <translation>欢迎使用掌柜 CRM</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WinBackDialog</name>
    <message>
        <source>Win-back campaign</source>
        <translation>挽回活动</translation>
    </message>
    <message>
        <source>Win-back call</source>
        <translation>挽回回访</translation>
    </message>
    <message>
        <source>We miss you: 15% off your next purchase this month.</source>
        <translation>好久不见：本月再次购买享 85 折优惠。</translation>
    </message>
    <message numerus="yes">
        <source>Plans a call for each of the %n listed customer(s) whose win-back pays (E(V) − V3 &gt; C3), spread over the next week, with this offer.</source>
        <translation>
            <numerusform>为列表中 %n 位值得挽回（E(V) − V3 &gt; C3）的客户各安排一次回访电话，分布在未来一周，附上以下优惠。</numerusform>
        </translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Offer:</source>
        <translation>优惠内容：</translation>
    </message>
</context>
</TS>
