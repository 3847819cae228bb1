<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>App</name>
    <message>
        <source>Zhanggui CRM is already open on this data in another window.</source>
        <translation>掌柜 CRM 已在另一个窗口中打开了这份数据。</translation>
    </message>
    <message>
        <source>Zhanggui CRM</source>
        <translation>掌柜 CRM</translation>
    </message>
</context>
<context>
    <name>AppController</name>
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
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>标记完成…</translation>
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
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
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
        <source>Outcome</source>
        <translation>结果</translation>
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
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
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
    <message>
        <source>No member selected</source>
        <translation>未选择会员</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
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
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开。</translation>
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
        <source>{path} is not a Zhanggui CRM database (not an SQLite file).</source>
        <translation>{path} 不是掌柜 CRM 数据库（不是 SQLite 文件）。</translation>
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
        <source>Edit…</source>
        <translation>编辑…</translation>
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
        <source>This ticket cannot go from {current} to {target}.</source>
        <translation>该工单不能从“{current}”变为“{target}”。</translation>
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
</TS>
