package dev.keycard.api;

import dev.keycard.budget.Budget;
import dev.keycard.pipeline.RequestBudgets;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Binds a new request budget to the worker thread for the resource method's whole run, so that
 * parsing, deciding, proving fixes and rendering all share one deadline and one set of caps.
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class BudgetInterceptor {
  private final RequestBudgets budgets;

  public BudgetInterceptor(RequestBudgets budgets) {
    this.budgets = budgets;
  }

  @AroundInvoke
  @SuppressWarnings("try") // the binding is the point; the body need not name it
  Object within(InvocationContext ctx) throws Exception {
    Budget budget = budgets.start();
    try (Budget.Binding bound = budget.bind()) {
      return ctx.proceed();
    }
  }
}
