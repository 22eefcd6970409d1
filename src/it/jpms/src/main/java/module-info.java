module compat.jpms {
    requires dev.tblog;
    requires dev.tblog.compat;
    requires org.jfree.jfreechart;
}
